import { describe, expect, it } from "vitest";
import { OptionalUkDate, requiredUkDate } from "./fields";
import { parseUkDate, toUkDateInput } from "./uk-dates";

describe("UK date fields", () => {
  it("read a date the ways people in the UK type it", () => {
    for (const typed of ["27 3 2027", "27/03/2027", "27-3-2027", "27.3.2027", " 27 / 3 / 2027 ", "27 March 2027", "27 mar 2027", "27th March, 2027", "2027-03-27"]) {
      expect(parseUkDate(typed), typed).toBe("2027-03-27");
    }
  });
  it("refuse impossible dates, two-digit years, US order beyond 12 and words that are not months", () => {
    for (const typed of ["31 2 2027", "29 2 2027", "27 3 27", "3 27 2027", "27 Ma 2027", "27 Smarch 2027", "yesterday", ""]) {
      expect(parseUkDate(typed), typed).toBeNull();
    }
    expect(parseUkDate("29 2 2028")).toBe("2028-02-29");
  });
  it("show a stored date back in the hint's pattern", () => {
    expect(toUkDateInput("2027-03-07")).toBe("7 3 2027");
    expect(toUkDateInput(null)).toBe("");
  });
  it("explain a bad or missing date in words", () => {
    const required = requiredUkDate("Enter the date it happened");
    expect(required.safeParse("").error?.issues[0]?.message).toBe("Enter the date it happened");
    expect(required.safeParse("31 2 2027").error?.issues[0]?.message).toBe("Enter a real date, for example 27 3 2027");
    expect(OptionalUkDate.parse("")).toBeNull();
    expect(OptionalUkDate.parse("1 12 2027")).toBe("2027-12-01");
  });
});
