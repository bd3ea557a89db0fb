import { z } from "zod";
import { SOURCE_KINDS } from "../../db/schema";
import { multiline } from "../utils/fields";

// The source forms' schemas, apart from evidence.ts so the demand page (which needs only its labels
// and rules) ships no form-validation library to the browser (tests/integration/page-weight.test.ts).

const thisYear = () => new Date().getUTCFullYear();

export const SourceSchema = z.object({
  title: z.string({ error: "Enter the title of the source" }).trim().min(3, { error: "Enter the title of the source (3 characters or more)" }).max(300, { error: "The title must be 300 characters or fewer" }),
  author: z.string({ error: "Enter who wrote or published it" }).trim().min(2, { error: "Enter who wrote or published it" }).max(300, { error: "The author or body must be 300 characters or fewer" }),
  year: z
    .string()
    .trim()
    .max(4, { error: "Enter the year as 4 digits, like 2019" })
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!/^\d{4}$/.test(v) || Number(v) < 1000) {
        ctx.addIssue({ code: "custom", message: "Enter the year as 4 digits, like 2019" });
        return z.NEVER;
      }
      if (Number(v) > thisYear()) {
        ctx.addIssue({ code: "custom", message: "The year cannot be in the future" });
        return z.NEVER;
      }
      return Number(v);
    }),
  url: z
    .string()
    .trim()
    .max(2000, { error: "The link must be 2,000 characters or fewer" })
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!isWebAddress(v)) {
        ctx.addIssue({ code: "custom", message: "Enter a link that starts with https:// or http://" });
        return z.NEVER;
      }
      return v;
    }),
  finding: z.string({ error: "Say in one line what it found" }).trim().min(10, { error: "Say in one line what it found (10 characters or more)" }).max(400, { error: "The finding must be 400 characters or fewer" }),
  kind: z.enum(SOURCE_KINDS, { error: "Choose what kind of source it is" }),
});
export type SourceInput = z.infer<typeof SourceSchema>;

export const DeclineSourceSchema = z.object({
  reason: multiline(z.string({ error: "Give a reason for declining" }).trim().min(5, { error: "Give a reason for declining (5 characters or more)" }).max(1000, { error: "The reason must be 1,000 characters or fewer" })),
});

function isWebAddress(value: string) {
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}
