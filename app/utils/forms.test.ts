import { describe, expect, it } from "vitest";
import { DemandTextSchema } from "./demand-forms";
import { parseForm } from "./forms";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe("parseForm", () => {
  it("treats a blank field as missing, so it says what to enter rather than a length rule", () => {
    const result = parseForm(DemandTextSchema, form({ title: "   ", summary: "", body: "" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({ title: "Enter a title", summary: "Enter a one-paragraph summary", body: "Enter the full text" });
    expect(result.values.title).toBe("   ");
  });

  it("still applies length rules to what was typed", () => {
    const result = parseForm(DemandTextSchema, form({ title: "Shrt" }));
    expect(!result.ok && result.errors.title).toBe("Title must be 5 characters or more");
  });
});
