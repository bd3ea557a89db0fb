import { describe, expect, it } from "vitest";
import { describeTarget, roleUnlessNamed } from "./rules";

describe("describeTarget", () => {
  it("does not repeat a role or body the name already says", () => {
    expect(describeTarget({ name: "Alex Rivers MP", role: "mp", body: "House of Commons" })).toBe("Alex Rivers MP, House of Commons");
    expect(describeTarget({ name: "Alex Rivers", role: "mp", body: "House of Commons" })).toBe("Alex Rivers, MP, House of Commons");
    expect(describeTarget({ name: "Leeds City Council", role: "council", body: "Leeds City Council" })).toBe("Leeds City Council");
    expect(describeTarget({ name: "Cllr Sam Lee", role: "councillor", body: "Leeds City Council" })).toBe("Cllr Sam Lee, Councillor, Leeds City Council");
    expect(describeTarget({ name: "Jo Bloggs", role: "other", body: "NHS England" })).toBe("Jo Bloggs, NHS England");
  });
  it("matches whole words only, whatever their case", () => {
    // "MP" inside "Hampshire" is not the role.
    expect(roleUnlessNamed({ name: "Kim Hampshire", role: "mp" })).toBe("MP");
    expect(roleUnlessNamed({ name: "Kim Jones mp", role: "mp" })).toBeNull();
  });
});
