import { describe, expect, it } from "vitest";
import { normaliseSignerEmail, outwardCode } from "./signers";

describe("signer emails", () => {
  it("fold case, +tags and Gmail's dots, so one person is one signer", () => {
    expect(normaliseSignerEmail(" Jo.Bloggs+petition@Gmail.com ")).toBe("jobloggs@gmail.com");
    expect(normaliseSignerEmail("jo.bloggs@googlemail.com")).toBe("jobloggs@gmail.com");
    expect(normaliseSignerEmail("Jo.Bloggs+x@example.org")).toBe("jo.bloggs@example.org");
    expect(normaliseSignerEmail("jo.bloggs@example.org")).not.toBe(normaliseSignerEmail("jobloggs@example.org"));
  });
});

describe("postcodes", () => {
  it("keep only the outward code of a valid UK postcode", () => {
    expect(outwardCode("sw1a 1aa")).toBe("SW1A");
    expect(outwardCode("M11AE")).toBe("M1");
    expect(outwardCode("ls6")).toBe("LS6");
    expect(outwardCode("12345")).toBeNull();
    expect(outwardCode("SW1A 1AAA")).toBeNull();
  });
});
