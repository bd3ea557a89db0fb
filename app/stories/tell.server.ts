import { TellStorySchema, TellStoryWithoutAccountSchema } from "./forms";
import { STORY_REFUSALS } from "./teller.server";
import type { NewStory } from "~/models/story.server";
import type { StoryRefusal } from "~/services/stories.server";
import { parseForm, type FieldErrors, type FormResult } from "~/utils/forms";

/** A member's "tell your story" form as the service's NewStory, or the form's errors. */
export function parseTellStory(formData: FormData, tellerId: number): FormResult<NewStory> {
  const parsed = parseForm(TellStorySchema, formData);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return {
    ok: true,
    data: {
      tellerId,
      title: v.title,
      body: v.body,
      easyRead: v.easyRead,
      contentNotes: v.contentNotes,
      contentNoteDetail: v.contentNotes.includes("other") ? v.contentNoteDetail : null,
      topics: v.topics,
      audience: v.audience,
      audienceCampaignIds: v.audience === "organisers" ? v.campaignIds : [],
      nameChoice: v.nameChoice,
      firstName: v.nameChoice === "first_name" ? v.firstName : null,
      organisationId: v.nameChoice === "organisation" ? v.organisationId : null,
      place: v.nameChoice === "place" ? v.place : null,
      mayQuote: v.mayQuote,
      forResearch: v.forResearch,
      demandIds: v.demandIds,
    },
  };
}

/** The same form without an account: no display name, organisation or named campaigns. */
export function parseTellStoryWithoutAccount(formData: FormData) {
  const parsed = parseForm(TellStoryWithoutAccountSchema, formData);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return {
    ok: true as const,
    data: {
      title: v.title,
      body: v.body,
      easyRead: v.easyRead,
      contentNotes: v.contentNotes,
      contentNoteDetail: v.contentNotes.includes("other") ? v.contentNoteDetail : null,
      topics: v.topics,
      audience: v.audience,
      nameChoice: v.nameChoice,
      firstName: v.nameChoice === "first_name" ? v.firstName : null,
      place: v.nameChoice === "place" ? v.place : null,
      mayQuote: v.mayQuote,
      forResearch: v.forResearch,
      demandIds: v.demandIds,
    },
  };
}

export function refusalErrors(reason: StoryRefusal): FieldErrors {
  const [field, message] = STORY_REFUSALS[reason];
  return { [field]: message };
}
