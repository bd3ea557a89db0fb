import { describe, expect, it } from "vitest";
import { DemandTextSchema } from "../demands/forms";
import { z } from "zod";
import { optionalText } from "./fields";
import { fieldLimits, formValues, parseForm } from "./forms";

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

describe("formValues", () => {
  const Schema = z.object({
    name: z.string().trim().max(60),
    email: z.string().trim().max(254).pipe(z.email()),
    topics: z.union([z.enum(["a", "bb"]), z.array(z.enum(["a", "bb"]))]).optional(),
    goal: z.coerce.number().int().optional(),
    note: optionalText(500, "Note"),
  });

  it("reads each field's limit from the schema, through wrappers, pipes and unions", () => {
    const limits = fieldLimits(Schema);
    expect(limits.get("name")).toMatchObject({ characters: 60, list: false });
    expect(limits.get("email")).toMatchObject({ characters: 254, list: false });
    expect(limits.get("topics")).toMatchObject({ characters: 2, list: true });
    expect(limits.get("note")).toMatchObject({ characters: 500 });
    expect(fieldLimits(DemandTextSchema).get("body")).toMatchObject({ characters: 50_000 });
  });

  it("sends back no more than each field holds, never a password, and few fields the form does not name", () => {
    const data = form({ name: "n".repeat(1_000_000), email: "e".repeat(10_000), password: "secret", note: "ok" });
    for (let i = 0; i < 5_000; i++) data.append(`extra${i}`, "x".repeat(10_000));
    for (let i = 0; i < 1_000; i++) data.append("topics", "a");
    data.append("name", "second");
    const values = formValues(data, Schema);
    expect(values.name).toBe("n".repeat(60));
    expect(values.email).toHaveLength(254);
    expect(values.password).toBeUndefined();
    expect(values.note).toBe("ok");
    expect(values.topics).toHaveLength(200);
    const unknown = Object.keys(values).filter((k) => k.startsWith("extra"));
    expect(unknown).toHaveLength(20);
    expect(values.extra0).toHaveLength(500);
    expect(JSON.stringify(values).length).toBeLessThan(12_000);
  });

  it("a rejected form answers with the bounded values", () => {
    const result = parseForm(Schema, form({ name: "n".repeat(100_000), email: "x" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toBeDefined();
    expect(result.values.name).toHaveLength(60);
  });
});
