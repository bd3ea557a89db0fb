import { expect } from "vitest";

const strict = new TextDecoder("utf-8", { fatal: true });

/** Text a reader's browser gets must be valid UTF-8 without U+0000 (see app/http/render-html.server.ts). */
export function expectCleanText(bytes: Uint8Array, label: string) {
  expect(Buffer.from(bytes).indexOf(0), `${label}: a zero byte`).toBe(-1);
  expect(() => strict.decode(bytes), `${label}: invalid UTF-8`).not.toThrow();
}
