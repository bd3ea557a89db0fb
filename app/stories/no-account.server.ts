import { TellStoryWithoutAccountSchema } from "./forms";
import { parseTellStoryWithoutAccount, refusalErrors } from "./tell.server";
import { listStoryDemandChoices } from "~/models/story.server";
import { checkRateLimits, RATE_LIMITS_STORIES } from "~/services/rate-limit.server";
import { checkStoryLink, STORIES_PER_SOURCE, STORY_AFTER_CONFIRMING_HOURS, tellStoryWithoutAccount, type StorySource } from "~/services/stories.server";
import { db } from "~/utils/db.server";
import { formValues } from "~/utils/forms";
import { DEMAND_CHOICES } from "./limits";
import { invalid } from "~/utils/responses.server";
import { redirect } from "@remix-run/node";

/**
 * Adding a story without an account, after confirming a signature or a letter. The link that
 * confirmed it (its token in the address) is the proof of the email address, for a day after
 * confirming; anything else (a wrong, unconfirmed or old link) gets a page that says only that the
 * link does not work, the same whichever it was.
 */

export const TOO_MANY = `You have added ${STORIES_PER_SOURCE} stories with this link, which is as many as one link can add. Thank you.`;

/** What the form page needs, or why the link cannot add a story. */
export async function storyFormData(source: StorySource, token: string, back: string, demandIds: number[]) {
  const state = await checkStoryLink(db, source, token);
  if (!state.ok) return { usable: false as const, back, hours: STORY_AFTER_CONFIRMING_HOURS };
  const demands = await listStoryDemandChoices(db, DEMAND_CHOICES);
  return {
    usable: true as const,
    back,
    hours: STORY_AFTER_CONFIRMING_HOURS,
    storiesLeft: state.storiesLeft,
    cameFrom: source.kind === "signature" ? `your signature to “${source.title}”` : `your letter for “${source.title}”`,
    demands,
    // The petition's or letter campaign's demand comes ticked.
    initial: { demandIds: demandIds.filter((id) => demands.some((d) => d.id === id)).map(String), audience: "members", nameChoice: "anonymous" },
  };
}

export async function tellWithoutAccountAction(request: Request, clientIp: string, source: StorySource, token: string, here: string) {
  const formData = await request.formData();
  const parsed = parseTellStoryWithoutAccount(formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const limited = await checkRateLimits(db, [[RATE_LIMITS_STORIES.storyWithoutAccountPerIp, clientIp]]);
  if (!limited.ok) return invalid({ form: limited.message }, formValues(formData, TellStoryWithoutAccountSchema), 429);
  const result = await tellStoryWithoutAccount(db, source, token, parsed.data);
  if (!result.ok) {
    if (result.reason === "too-many") return invalid({ form: TOO_MANY }, formValues(formData, TellStoryWithoutAccountSchema));
    if (result.reason === "no-such-link" || result.reason === "not-confirmed" || result.reason === "too-late") return invalid({ form: `This link can no longer add a story: stories can be added for ${STORY_AFTER_CONFIRMING_HOURS} hours after confirming.` }, formValues(formData, TellStoryWithoutAccountSchema), 410);
    return invalid(refusalErrors(result.reason), formValues(formData, TellStoryWithoutAccountSchema));
  }
  return redirect(`${here}?told=1`);
}
