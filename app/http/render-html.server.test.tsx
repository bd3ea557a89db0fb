import { createRequire } from "node:module";
import path from "node:path";
import { Writable } from "node:stream";
import type { renderToPipeableStream as RenderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderToHtmlBuffer, withoutZeroBytes } from "./render-html.server";

/**
 * Every page must be valid UTF-8 without U+0000 whatever its text. React 18.3.1 wrote zero bytes
 * where a multi-byte character met the end of its 2,048-byte buffer (react#24985): the patch in
 * patches/ fixes it, and these tests put such characters at every offset around 2,048 and 4,096.
 */
const strict = new TextDecoder("utf-8", { fatal: true });
// Both of React's builds: the tests run the development one, `npm start` the production one.
const require = createRequire(import.meta.url);
const reactDom = path.dirname(require.resolve("react-dom/package.json"));
const builds: Record<string, typeof RenderToPipeableStream> = {
  development: require(path.join(reactDom, "cjs/react-dom-server.node.development.js")).renderToPipeableStream,
  production: require(path.join(reactDom, "cjs/react-dom-server.node.production.min.js")).renderToPipeableStream,
};
const CHARACTERS = ["é", "£", "’", "“", "—", "😀"];

// Many short text nodes (React passes strings under ~680 characters through its buffer; longer ones
// go straight out), with `shift` ASCII bytes first so each character lands on each byte position.
function Page({ shift, character }: { shift: number; character: string }) {
  return (
    <div>
      <p>{"a".repeat(shift)}</p>
      {Array.from({ length: 150 }, (_, i) => (
        <p key={i}>{`${character.repeat(40)} line ${i}`}</p>
      ))}
    </div>
  );
}

function renderWithReact(renderToPipeableStream: typeof RenderToPipeableStream, element: JSX.Element): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
      final(done) {
        resolve(Buffer.concat(chunks));
        done();
      },
    });
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(sink), onShellError: reject });
  });
}

function expectCleanBytes(body: Buffer, label: string) {
  expect(body.indexOf(0), `${label}: a zero byte`).toBe(-1);
  expect(() => strict.decode(body), `${label}: invalid UTF-8`).not.toThrow();
}

describe("rendered HTML bytes", () => {
  it.each(Object.keys(builds))("React's %s stream writes valid UTF-8 without zero bytes, multi-byte characters on every buffer edge", async (build) => {
    for (const character of CHARACTERS) {
      // Shifting by 0..7 bytes puts a character's first, middle and last bytes on every edge at
      // 2,048, 4,096, 6,144 ... of the page (each character is 2 to 4 bytes long).
      for (let shift = 0; shift < 8; shift++) {
        const body = await renderWithReact(builds[build]!, <Page shift={shift} character={character} />);
        expect(body.length).toBeGreaterThan(8_192);
        expectCleanBytes(body, `${character} shifted ${shift}`);
        expect(strict.decode(body)).toContain(`${character.repeat(40)} line 149`);
      }
    }
  });

  it("the page renderer gives the same clean bytes", async () => {
    for (let shift = 0; shift < 4; shift++) {
      const { body, failed } = await renderToHtmlBuffer(<Page shift={shift} character="’" />, { timeoutMs: 5_000, onError: () => {} });
      expect(failed).toBe(false);
      expectCleanBytes(body, `shift ${shift}`);
    }
  });

  it("removes any stray zero byte and says how many it found", () => {
    const found: number[] = [];
    const cleaned = withoutZeroBytes(Buffer.from([0x61, 0, 0, 0xe2, 0x80, 0x99, 0]), (n) => found.push(n));
    expect(cleaned.toString("utf8")).toBe("a’");
    expect(found).toEqual([2 + 1]);
    const untouched = Buffer.from("plain");
    expect(withoutZeroBytes(untouched, () => found.push(-1))).toBe(untouched);
    expect(found).toEqual([3]);
  });
});
