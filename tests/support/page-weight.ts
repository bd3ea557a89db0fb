// The JavaScript each page makes a browser download, from the build's own manifest: the entry, the
// root's and the route's modules and everything they import; uncompressed, gzip at the level the
// server sends (compression's default, 6) and Brotli. Used by tests/bench/page-weight.ts (the figures)
// and tests/integration/page-weight.test.ts (the limits). Needs `npm run build`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";

const publicDir = path.join(import.meta.dirname, "../../public");
const manifestFile = readdirSync(path.join(publicDir, "build")).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) throw new Error("No build: run `npm run build` first");
type Module = { module: string; imports?: string[] };
type Manifest = { entry: Module; routes: Record<string, Module & { parentId?: string }> };
const manifest = JSON.parse(readFileSync(path.join(publicDir, "build", manifestFile), "utf8").replace(/^window\.__remixManifest=/, "").replace(/;$/, "")) as Manifest;

/** Every file a module pulls in, following its static imports ("/build/…" specifiers). */
function closure(start: string[]) {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(path.join(publicDir, file), "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*"(\/build\/[^"]+\.js)"/g)) queue.push(m[1]!);
  }
  return seen;
}

/** The JavaScript a page of this route loads: how many files, their bytes, and their text (to look inside). */
export function weighPage(routeId: string) {
  const chain: string[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`No route ${id}`);
    chain.push(route.module, ...(route.imports ?? []));
  }
  const files = closure([manifest.entry.module, ...(manifest.entry.imports ?? []), ...chain]);
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  let largest = { file: "", raw: 0 };
  for (const file of files) {
    const bytes = readFileSync(path.join(publicDir, file));
    raw += bytes.length;
    if (bytes.length > largest.raw) largest = { file, raw: bytes.length };
    gzip += gzipSync(bytes, { level: 6 }).length; // the compression middleware's default level
    brotli += brotliCompressSync(bytes).length;
  }
  const text = [...files].map((file) => readFileSync(path.join(publicDir, file), "utf8")).join("\n");
  return { files: files.size, raw, gzip, brotli, text, largest };
}

