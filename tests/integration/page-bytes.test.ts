import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db";
import { seedDemoData } from "../../demo/demo-data";
import { createDemand, createMember } from "../support/builders";
import { openConsultation } from "../../app/services/demand.server";
import { postComment } from "../../app/services/discussion.server";
import { startSession } from "../../app/members/session.server";
import { renderEmail } from "../../app/services/email.server";
import { startAppServer } from "../support/app-server";
import { expectCleanText } from "../support/bytes";

/**
 * Every response a reader gets is valid UTF-8 without U+0000, whatever its text (see
 * app/http/render-html.server.ts): the demo coalition crawled link by link, signed out and as an
 * admin, pages whose multi-byte text is shifted across React's 2,048-byte buffer edges, and email.
 */
let app: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  await seedDemoData(db);
  app = await startAppServer();
}, 120_000);
afterAll(() => app?.close());

async function fetchBytes(path: string, cookie?: string) {
  const response = await fetch(`${app.base}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  return { status: response.status, type: response.headers.get("content-type") ?? "", bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** Follows every same-site link from the home page (GETs only), at most `limit` pages. */
async function crawl(cookie: string | undefined, limit: number) {
  const seen = new Set<string>(["/"]);
  const queue = ["/"];
  let pages = 0;
  while (queue.length && pages < limit) {
    const path = queue.shift()!;
    const { status, type, bytes } = await fetchBytes(path, cookie);
    pages++;
    expect(status, path).toBeLessThan(500);
    if (!/^(text\/|application\/json)/.test(type)) continue;
    expectCleanText(bytes, path);
    if (!type.startsWith("text/html")) continue;
    for (const match of Buffer.from(bytes).toString("utf8").matchAll(/href="(\/[^"#]*)/g)) {
      const href = match[1]!.replace(/&amp;/g, "&");
      // One visit per page, not per page of a list; nothing under the development outbox's raw HTML.
      const key = href.replace(/\?.*$/, "");
      if (seen.has(key) || href.startsWith("/build/") || /\.(css|js|svg|png|ico|woff2?)$/.test(key)) continue;
      seen.add(key);
      queue.push(href);
    }
  }
  return pages;
}

describe("response bytes", () => {
  it("the demo coalition's pages, signed out and signed in, are clean UTF-8", async () => {
    expect(await crawl(undefined, 120)).toBeGreaterThan(30);
    const admin = await db.selectFrom("member").select("id").where("email", "=", "admin@chorus.example").executeTakeFirstOrThrow();
    const cookie = (await startSession(db, admin.id, new Request("http://localhost/"))).split(";")[0]!;
    expect(await crawl(cookie, 160)).toBeGreaterThan(50);
  }, 180_000);

  it("a page whose multi-byte text lands on every byte around the buffer edges is clean", async () => {
    const author = await createMember(db);
    for (let shift = 0; shift < 8; shift++) {
      const id = await createDemand(db, {
        authorId: author.id,
        title: `${"a".repeat(shift)} Crisis houses — “now”`,
        summary: "£5m for crisis houses in every region — café-style, with peer support’s warmth. ".repeat(3),
      });
      await openConsultation(db, id, author.id, new Date(Date.now() + 7 * 86_400_000));
      for (let i = 0; i < 25; i++) await postComment(db, { id: author.id, displayName: "Author" }, { demandId: id, amendmentId: null, parentId: null, contentNote: null, url: "/", body: `Comment ${i}: “yes” — it’s £${i} well spent, naïve critics aside 😀`.repeat(2) });
      const { status, bytes } = await fetchBytes(`/demands/${id}`);
      expect(status).toBe(200);
      expect(bytes.length).toBeGreaterThan(8_192);
      expectCleanText(bytes, `demand page shifted ${shift}`);
    }
  }, 120_000);

  it("emails are clean UTF-8 too, with the text on every byte around the buffer edges", async () => {
    const message = "It’s “done” — £5m, café, naïve 😀. ".repeat(18);
    let crossedAnEdge = false;
    for (const prefix of [0, 256, 512, 768, 1024, 1280, 1536, 1792]) {
      for (let shift = 0; shift < 4; shift++) {
        const email = await renderEmail("TestEmail", { recipientName: "a".repeat(prefix + shift), message });
        const html = Buffer.from(email.html, "utf8");
        expectCleanText(html, `html ${prefix + shift}`);
        expectCleanText(Buffer.from(email.text, "utf8"), `text ${prefix + shift}`);
        const start = html.indexOf(Buffer.from(message.slice(0, 20)));
        const end = start + Buffer.byteLength(message);
        if (start >= 0 && Math.floor(start / 2048) !== Math.floor(end / 2048)) crossedAnEdge = true;
      }
    }
    // The loop only means something if the message did sit across a buffer edge somewhere.
    expect(crossedAnEdge).toBe(true);
  });
});
