import { describe, expect, it } from "vitest";
import { safeRedirect } from "../members/session.server";

describe("safeRedirect", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirect("/demands/3?page=2#vote")).toBe("/demands/3?page=2#vote");
    expect(safeRedirect("/settings")).toBe("/settings");
  });

  it.each(["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "https://evil.example/", "javascript:alert(1)", "evil.example", "", "/.//evil.example", "/..//evil.example", "/./\\evil.example", "/a/..//evil.example", "/%2e//evil.example", "/.%2e//evil.example"])(
    "refuses %j",
    (to) => {
      expect(safeRedirect(to, "/home")).toBe("/home");
    },
  );

  it("never returns a CR or LF that could split a header", () => {
    expect(safeRedirect("/ok\r\nSet-Cookie: x=1")).not.toMatch(/[\r\n]/);
  });
});
