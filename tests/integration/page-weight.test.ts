import { readFileSync } from "node:fs";
import { get } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer } from "../support/app-server";
import { weighPage } from "../support/page-weight";

// Issue #20: public pages work without scripts, so the scripts they do load must stay light on a
// phone's connection. Sizes of the build, not timings: the same on any machine.
// A string Zod's code carries through minification.
const ZOD_MARK = /"\$ZodType"/;
const PUBLIC_PAGES = ["routes/_index", "routes/petitions.$slug", "routes/letters.$slug", "routes/campaigns.$id", "routes/demands.$id", "routes/demands._index", "routes/sign-in", "routes/join", "routes/forgot-password", "routes/organisations.$slug", "routes/stories.$id"];

describe("the weight of public pages", () => {
  it("keeps a petition page's JavaScript under 150 KB compressed", () => {
    const petition = weighPage("routes/petitions.$slug");
    expect(petition.gzip).toBeLessThan(150 * 1024);
    expect(petition.gzip).toBeGreaterThan(0);
  });

  it("ships no form-validation library to the browser: forms are checked on the server", () => {
    // Zod came along whenever a module the page uses also built a schema at its top level
    // (app/utils/multiline.ts, app/campaigns/labels.ts and the feature forms modules keep them apart).
    const shipping = PUBLIC_PAGES.filter((id) => ZOD_MARK.test(weighPage(id).text));
    expect(shipping).toEqual([]);
  });

  it("looks for a name Zod itself carries, which bundling keeps", () => {
    // Proof the check above can fail: "$ZodType" is a string in Zod's own code (minifying keeps strings).
    const zodSource = readFileSync(path.join(import.meta.dirname, "../../node_modules/zod/v4/core/schemas.js"), "utf8");
    expect(zodSource).toMatch(ZOD_MARK);
  });
});

describe("compression", () => {
  let app: Awaited<ReturnType<typeof startAppServer>>;
  beforeAll(async () => {
    app = await startAppServer();
  }, 60_000);
  afterAll(() => app?.close());

  /** The raw answer's encoding and size (fetch would undo the compression before we saw it). */
  const fetchRaw = (path: string) =>
    new Promise<{ status: number; encoding: string | undefined; bytes: number }>((resolve, reject) => {
      get(`${app.base}${path}`, { headers: { "Accept-Encoding": "br, gzip" } }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, encoding: res.headers["content-encoding"], bytes }));
      }).on("error", reject);
    });

  it("compresses scripts, but never a page (its CSRF token beside reflected text is what BREACH needs)", async () => {
    const petition = weighPage("routes/petitions.$slug");
    const script = await fetchRaw(petition.largest.file);
    expect(script.status).toBe(200);
    expect(script.encoding).toMatch(/^(br|gzip)$/);
    expect(script.bytes).toBeLessThan(petition.largest.raw / 2);
    const page = await fetchRaw("/sign-in");
    expect(page.status).toBe(200);
    expect(page.encoding).toBeUndefined();
  });
});
