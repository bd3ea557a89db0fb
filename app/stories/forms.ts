import { z } from "zod";
import { TOPICS } from "../../db/schema";
import { multiline, optionalCheckbox } from "../utils/fields";
import { parseId } from "../utils/ids";
import { CONTENT_NOTE_CATEGORIES } from "./labels";
import { STORY_LIMITS } from "./limits";

// The story forms' schemas, apart from the fields (app/components/story-fields.tsx) and the story's
// own page, so the public story page ships no form-validation library (tests/integration/page-weight.test.ts).

/** Ticked checkboxes of one name: nothing, one value or several, as a list of distinct known values. */
function checkboxes<T extends string>(values: readonly [T, ...T[]], message: string) {
  return z
    .union([z.enum(values, { error: message }), z.array(z.enum(values, { error: message }))], { error: message })
    .optional()
    .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])]);
}

/** Ticked ids (checkboxes or a multiple select): at most `max`, every one a real id. */
function idList(max: number, tooMany: string) {
  return z
    .union([z.string().max(20), z.array(z.string().max(20))])
    .optional()
    .transform((v, ctx) => {
      const raw = v === undefined ? [] : Array.isArray(v) ? v : [v];
      const ids = raw.map(parseId);
      if (ids.some((id) => id === null)) {
        ctx.addIssue({ code: "custom", message: "Choose from the list" });
        return z.NEVER;
      }
      const distinct = [...new Set(ids as number[])];
      if (distinct.length > max) {
        ctx.addIssue({ code: "custom", message: tooMany });
        return z.NEVER;
      }
      return distinct;
    });
}

const storyTextShape = {
  title: z
    .string({ error: "Enter a title for your story" })
    .trim()
    .min(1, { error: "Enter a title for your story" })
    .max(STORY_LIMITS.title, { error: `The title must be ${STORY_LIMITS.title} characters or fewer` }),
  body: multiline(
    z
      .string({ error: "Tell your story in your own words" })
      .trim()
      .min(1, { error: "Tell your story in your own words" })
      .max(STORY_LIMITS.body, { error: `Your story must be ${STORY_LIMITS.body.toLocaleString("en-GB")} characters or fewer` }),
  ),
  easyRead: multiline(
    z
      .string()
      .trim()
      .max(STORY_LIMITS.easyRead, { error: `The easy-read version must be ${STORY_LIMITS.easyRead.toLocaleString("en-GB")} characters or fewer` })
      .optional()
      .transform((v) => (v ? v : null)),
  ),
  contentNotes: checkboxes(CONTENT_NOTE_CATEGORIES as [(typeof CONTENT_NOTE_CATEGORIES)[number], ...(typeof CONTENT_NOTE_CATEGORIES)[number][]], "Choose from the content notes listed"),
  contentNoteDetail: z
    .string()
    .trim()
    .max(STORY_LIMITS.contentNoteDetail, { error: `The content note must be ${STORY_LIMITS.contentNoteDetail} characters or fewer` })
    .optional()
    .transform((v) => (v ? v : null)),
  topics: checkboxes(TOPICS, "Choose from the topics listed"),
  demandIds: idList(STORY_LIMITS.demands, `Choose ${STORY_LIMITS.demands} demands or fewer`),
};

type StoryText = { contentNotes: string[]; contentNoteDetail: string | null };
function refineStoryText(v: StoryText, ctx: z.RefinementCtx) {
  if (v.contentNotes.includes("other") && !v.contentNoteDetail) ctx.addIssue({ code: "custom", path: ["contentNoteDetail"], message: "Say in a few words what else your story touches on" });
}

/** Who may read it, under which name, quotation and research: each its own choice. */
function consentShape(withAccount: boolean) {
  const audiences = withAccount ? (["public", "members", "organisers"] as const) : (["public", "members"] as const);
  const names = withAccount ? (["display_name", "first_name", "organisation", "place", "anonymous"] as const) : (["first_name", "place", "anonymous"] as const);
  return {
    audience: z.enum(audiences, { error: "Choose who may read your story" }),
    campaignIds: idList(STORY_LIMITS.campaigns, `Choose ${STORY_LIMITS.campaigns} campaigns or fewer`),
    nameChoice: z.enum(names, { error: "Choose the name your story is shown under" }),
    firstName: z
      .string()
      .trim()
      .max(STORY_LIMITS.firstName, { error: `The first name must be ${STORY_LIMITS.firstName} characters or fewer` })
      .optional()
      .transform((v) => (v ? v : null)),
    organisationId: z
      .string()
      .max(20)
      .optional()
      .transform((v) => (v ? parseId(v) : null)),
    place: z
      .string()
      .trim()
      .max(STORY_LIMITS.place, { error: `The place must be ${STORY_LIMITS.place} characters or fewer` })
      .optional()
      .transform((v) => (v ? v : null)),
    mayQuote: optionalCheckbox,
    forResearch: optionalCheckbox,
  };
}

type Consent = { audience: string; campaignIds: number[]; nameChoice: string; firstName: string | null; organisationId: number | null; place: string | null };
function refineConsent(v: Consent, ctx: z.RefinementCtx) {
  if (v.audience === "organisers" && v.campaignIds.length === 0) ctx.addIssue({ code: "custom", path: ["campaignIds"], message: "Choose at least one campaign whose organisers may read it" });
  if (v.nameChoice === "first_name" && !v.firstName) ctx.addIssue({ code: "custom", path: ["firstName"], message: "Enter the first name to show" });
  if (v.nameChoice === "organisation" && v.organisationId === null) ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Choose one of your organisations" });
  if (v.nameChoice === "place" && !v.place) ctx.addIssue({ code: "custom", path: ["place"], message: "Enter a place, like “Leeds” or “a town in Wales”" });
}

/** Editing a story's words (the consents have a form of their own). */
export const StoryTextSchema = z.object(storyTextShape).superRefine(refineStoryText);

/** A member's consents for a story they told. */
export const StoryConsentSchema = z.object(consentShape(true)).superRefine(refineConsent);

/** A teller without an account: no display name or organisation, and no named campaigns (nobody to check them against). */
export const NoAccountConsentSchema = z.object(consentShape(false)).superRefine(refineConsent);

/** Telling a story: its words and its consents in one form. */
export const TellStorySchema = z.object({ ...storyTextShape, ...consentShape(true) }).superRefine((v, ctx) => {
  refineStoryText(v, ctx);
  refineConsent(v, ctx);
});

/** Telling a story from a petition's or letter's confirmation, without an account. */
export const TellStoryWithoutAccountSchema = z.object({ ...storyTextShape, ...consentShape(false) }).superRefine((v, ctx) => {
  refineStoryText(v, ctx);
  refineConsent(v, ctx);
});

export type StoryTextInput = z.infer<typeof StoryTextSchema>;
export type StoryConsentInput = z.infer<typeof StoryConsentSchema>;
