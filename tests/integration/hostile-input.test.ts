import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest, type Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db";
import { insertComment } from "../../app/models/comment.server";
import { proposeAmendment } from "../../app/services/demand.server";
import { startSession } from "../../app/members/session.server";
import { createExpressApp } from "../../app/http/express-app.server";
import { createDemand, createMember, createOrganisation, openDemandForVoting } from "../support/builders";

/**
 * Every route, through the real HTTP stack (middleware, CSRF check, Remix build), with what an
 * attacker or a broken client sends: fractional, huge and negative ids, NUL bytes, 100 KB fields,
 * bad percent-encoding, JSON and text bodies, broken multipart. Nothing may answer 5xx.
 * Needs the Remix build (npm test builds before Vitest).
 */
const root = path.resolve(__dirname, "../..");
const routesDir = path.join(root, "app/routes");
let server: Server;
let base = "";
const ids: Record<string, string> = {};

/** A flat-routes file name to a URL pattern: "demands.$id.amendments.$amendmentId" → /demands/:id/amendments/:amendmentId. */
function urlPattern(file: string) {
  // "[.]" is an escaped dot inside a segment ("count[.]json" is /count.json).
  const name = file.replace(/\.(tsx|ts)$/, "").replace(/\/route$/, "").replace(/\[\.\]/g, "~dot~");
  const segments = name
    .split(".")
    .map((s) => s.replaceAll("~dot~", "."))
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s === "$" ? "anything" : s.startsWith("$") ? `:${s.slice(1)}` : s));
  return "/" + segments.join("/");
}

const HOSTILE_IDS = ["999999", "1.5", "1e30", "-1", "0", "99999999999999999999", "9007199254740993", "abc", "%ff", "%00", "1%00"];
const HOSTILE_VALUES = ["", "999999", "1.5", "1e30", "-1", "99999999999999999999", "x\u0000y", "a".repeat(100_000), "[a](".repeat(20_000), "<script>alert(1)</script>", "😀\u202e", "2026-13-45T25:61"];

async function session(roles: Array<"admin" | "moderator"> = ["admin", "moderator"]) {
  const member = await createMember(db, { roles });
  const setCookie = await startSession(db, member.id, new Request("http://localhost/"));
  return { id: member.id, cookie: setCookie.split(";")[0]! };
}

beforeAll(async () => {
  const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;
  const app = createExpressApp(build, { publicDir: path.join(root, "public") });
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  const admin = await session();
  const organisation = await createOrganisation(db, { adminId: admin.id, members: [] });
  const consultation = await createDemand(db, { authorId: admin.id });
  const { openConsultation } = await import("../../app/services/demand.server");
  await openConsultation(db, consultation, admin.id, new Date(Date.now() + 7 * 86_400_000));
  const amendment = (await proposeAmendment(db, consultation, admin.id, { paragraphIndex: null, proposedText: "A different text for this whole demand.", rationale: "Clearer." })) as { id: number };
  await insertComment(db, { demandId: consultation, amendmentId: null, parentId: null, authorId: admin.id, body: "A comment", contentNote: null });
  const voting = await createDemand(db, { authorId: admin.id });
  await openDemandForVoting(db, voting, admin.id);
  const slug = (await db.selectFrom("organisation").select("slug").where("id", "=", organisation.id).executeTakeFirstOrThrow()).slug;
  Object.assign(ids, { id: String(consultation), votingId: String(voting), amendmentId: String(amendment.id), slug, token: "a".repeat(52) });
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

// A route is a file (demands.tsx) or a folder with route.tsx beside the modules it splits into.
const routeFiles = readdirSync(routesDir, { withFileTypes: true }).flatMap((entry) => {
  if (entry.isDirectory()) return readdirSync(path.join(routesDir, entry.name)).filter((f) => /^route\.tsx?$/.test(f)).map((f) => `${entry.name}/${f}`);
  return /\.(tsx?)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [entry.name] : [];
});

/** A route's source: its file, or every module in its folder (its intents and parts). */
function routeSource(file: string) {
  if (!file.includes("/")) return readFileSync(path.join(routesDir, file), "utf8");
  const folder = path.join(routesDir, path.dirname(file));
  return readdirSync(folder).filter((f) => /\.tsx?$/.test(f)).map((f) => readFileSync(path.join(folder, f), "utf8")).join("\n");
}

/** The intents and field names a route's source names, so the fuzz reaches past the intent switch. */
function formShape(source: string) {
  const intents = new Set<string>(["", "nonsense"]);
  for (const m of source.matchAll(/intent === "([\w-]+)"/g)) intents.add(m[1]!);
  for (const m of source.matchAll(/name="intent" value=(?:"([\w-]+)"|\{[^}]*"([\w-]+)"[^}]*\})/g)) intents.add((m[1] ?? m[2])!);
  for (const m of source.matchAll(/value="([\w-]+)"/g)) intents.add(m[1]!);
  const fields = new Set<string>();
  for (const m of source.matchAll(/name="(\w+)"/g)) fields.add(m[1]!);
  for (const m of source.matchAll(/formData\.get\("(\w+)"\)/g)) fields.add(m[1]!);
  for (const m of source.matchAll(/^\s+(\w+): (?:z\.|IdField|TopicsField|futureDateTime)/gm)) fields.add(m[1]!);
  fields.delete("intent");
  return { intents: [...intents], fields: [...fields] };
}

async function send(url: string, init: RequestInit & { cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  headers.set("Sec-Fetch-Site", "same-origin");
  const response = await fetch(`${base}${url}`, { ...init, headers, redirect: "manual" });
  await response.arrayBuffer();
  return response.status;
}

describe("hostile input never gets a 5xx", () => {
  it("GET on every route with hostile ids, pages and query values", async () => {
    const { cookie } = await session();
    const failures: string[] = [];
    for (const file of routeFiles) {
      const pattern = urlPattern(file);
      const variants = pattern.includes(":") ? HOSTILE_IDS.map((bad) => pattern.replace(/:\w+/g, bad)) : [pattern];
      variants.push(pattern.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? ids.id!));
      for (const url of variants) {
        for (const query of ["", "?page=1.01", "?page=1e30&before=1e30&after=-1", "?q=%00", "?q=" + "x".repeat(5000), "?from=1.5&to=x&comments=%ff", "?organisation=1e30&stage=zzz&topic=%00&sort=x"]) {
          for (const who of [cookie, undefined]) {
            const status = await send(url + query, { cookie: who });
            if (status >= 500) failures.push(`GET ${(url + query).slice(0, 120)} ${who ? "(signed in)" : ""} → ${status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it("POST to every route with an action: each intent with hostile values in every field", async () => {
    const failures: string[] = [];
    for (const file of routeFiles) {
      const source = routeSource(file);
      if (!/export (async )?function action|export const action/.test(source)) continue;
      const pattern = urlPattern(file);
      const url = pattern.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? ids.id!);
      const { intents, fields } = formShape(source + (source.includes("handleCommentIntent") ? readFileSync(path.join(root, "app/demands/comment-intents.server.ts"), "utf8") : ""));
      // A fresh admin per route: some actions (delete account, sign out) end the session they run in.
      const { cookie } = await session();
      for (const intent of intents) {
        for (const value of HOSTILE_VALUES) {
          const form = new URLSearchParams({ intent });
          for (const field of fields) form.append(field, value);
          const status = await send(url, { method: "POST", body: form, cookie });
          if (status >= 500) failures.push(`POST ${url} intent=${intent} value=${JSON.stringify(value.slice(0, 20))} → ${status}`);
        }
      }
      for (const bad of HOSTILE_IDS) {
        if (!pattern.includes(":")) break;
        const status = await send(pattern.replace(/:\w+/g, bad), { method: "POST", body: new URLSearchParams({ intent: intents[2] ?? "" }), cookie });
        if (status >= 500) failures.push(`POST ${pattern} with id ${bad} → ${status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it("answers a huge value in any field in proportion to the form's limits, never to what was sent", async () => {
    // 250 KB in one field at a time, for every intent: a form that echoed it (in the page and again
    // in its data) would answer 500 KB or more. The longest field (a demand's text, 50,000
    // characters) sent back once is about 120 KB of this; nothing may answer more than 200 KB.
    const huge = "é".repeat(125_000);
    const oversized: string[] = [];
    for (const file of routeFiles) {
      const source = routeSource(file);
      if (!/export (async )?function action|export const action/.test(source)) continue;
      const url = urlPattern(file).replace(/:(\w+)/g, (_, name: string) => ids[name] ?? ids.id!);
      const { intents, fields } = formShape(source);
      const { cookie } = await session();
      for (const intent of intents.filter((i) => i !== "nonsense")) {
        for (const field of fields) {
          const form = new URLSearchParams({ intent });
          form.append(field, huge);
          const response = await fetch(`${base}${url}`, { method: "POST", body: form, headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin" }, redirect: "manual" });
          const size = (await response.arrayBuffer()).byteLength;
          if (size > 200_000 || response.status >= 500) oversized.push(`POST ${url} intent=${intent} ${field}=250 KB → ${response.status}, ${size} bytes`);
        }
      }
    }
    expect(oversized).toEqual([]);
  }, 240_000);

  it("answers writes without a form, or with a method no form uses, with a 4xx before any action runs", async () => {
    const { cookie } = await session();
    const failures: string[] = [];
    for (const file of routeFiles) {
      const url = urlPattern(file).replace(/:(\w+)/g, (_, name: string) => ids[name] ?? ids.id!);
      const attempts: Array<[string, RequestInit]> = [
        ["POST without a body", { method: "POST" }],
        ["POST with a body but no type", { method: "POST", body: new Uint8Array([105, 61, 49]) }],
        ["PUT", { method: "PUT", body: new URLSearchParams({ intent: "x" }) }],
        ["PATCH", { method: "PATCH" }],
        ["DELETE", { method: "DELETE" }],
      ];
      for (const [label, init] of attempts) {
        for (const who of [cookie, undefined]) {
          const headers = new Headers({ "Sec-Fetch-Site": "same-origin" });
          if (who) headers.set("Cookie", who);
          const response = await fetch(`${base}${url}`, { ...init, headers, redirect: "manual" });
          await response.arrayBuffer();
          if (response.status < 400 || response.status >= 500) failures.push(`${label} ${url} → ${response.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    const put = await fetch(`${base}/demands`, { method: "PUT", headers: { "Sec-Fetch-Site": "same-origin" } });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST");
  }, 120_000);

  it("refuses bodies no Chorus form sends, with a clear 4xx page", async () => {
    const { cookie } = await session();
    const url = `/demands/${ids.id}`;
    const json = await fetch(`${base}${url}`, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie, "Sec-Fetch-Site": "same-origin" }, body: '{"intent":"comment"}' });
    expect(json.status).toBe(415);
    expect(await json.text()).toContain("Chorus only accepts forms sent from its own pages");
    expect(await send(url, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "intent=comment", cookie })).toBe(415);
    expect(await send(url, { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=zz" }, body: "--zz\r\nbroken", cookie })).toBe(400);
    expect(await send(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "intent=comment&body=" + "a".repeat(1_100_000), cookie })).toBe(413);
    const badPath = await fetch(`${base}/demands/%ff`);
    expect(badPath.status).toBe(400);
    expect(await badPath.text()).toContain("That address is not valid");
    // A Host header that is not a host (fetch cannot send one, so a raw request).
    const badHost = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(base);
      const req = httpRequest({ host: "127.0.0.1", port, path: "/demands", headers: { host: "bad host" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(badHost).toBe(400);
  });

  it("strips NUL bytes from form fields, so text with one is stored without it", async () => {
    const { cookie } = await session();
    const status = await send(`/demands/${ids.id}`, { method: "POST", body: new URLSearchParams({ intent: "comment", body: "before\u0000after" }), cookie });
    expect(status).toBe(302);
    const stored = await db.selectFrom("comment").select("body").where("body", "like", "before%").executeTakeFirstOrThrow();
    expect(stored.body).toBe("beforeafter");
  });

  it("a multipart form works like a urlencoded one", async () => {
    const { cookie } = await session();
    const form = new FormData();
    form.append("intent", "comment");
    form.append("body", "Sent as multipart");
    expect(await send(`/demands/${ids.id}`, { method: "POST", body: form, cookie })).toBe(302);
    expect(await db.selectFrom("comment").select("id").where("body", "=", "Sent as multipart").execute()).toHaveLength(1);
  });

  it("takes a CSV file as text (importing decision makers), and no other file", async () => {
    const { cookie } = await session(["admin"]);
    const csv = new FormData();
    csv.append("intent", "preview");
    csv.append("file", new File(["name,role,body,email,areas\nUploaded Person,MP,House of Commons,uploaded@example.org,LS6\n"], "targets.csv", { type: "text/csv" }));
    const headers = new Headers({ Cookie: cookie, "Sec-Fetch-Site": "same-origin" });
    const preview = await fetch(`${base}/targets/import`, { method: "POST", body: csv, headers });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain("Uploaded Person");
    const empty = new FormData();
    empty.append("intent", "preview");
    empty.append("file", new File([], "", { type: "application/octet-stream" }));
    expect(await send("/targets/import", { method: "POST", body: empty, cookie })).toBe(400);
    const image = new FormData();
    image.append("file", new File([new Uint8Array([137, 80, 78, 71])], "photo.png", { type: "image/png" }));
    expect(await send("/targets/import", { method: "POST", body: image, cookie })).toBe(415);
    expect(await send(`/demands/${ids.id}`, { method: "POST", body: image, cookie })).toBe(415);
  });
});
