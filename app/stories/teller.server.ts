import { consentEventBy, consentEventText, type TellerView } from "./history";
import { STORY_STATUSES } from "./labels";
import { NoAccountConsentSchema, StoryConsentSchema } from "./forms";
import { listStoryConsentHistory, type StoryRecord } from "~/models/story.server";
import { listStoryReviewsForTeller } from "~/models/story-review.server";
import { changeStoryConsents, withdrawStory, type StoryRefusal } from "~/services/stories.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm } from "~/utils/forms";
import { formatLondonDate } from "~/utils/london-time";
import { invalid, notFound } from "~/utils/responses.server";

/**
 * What a story's teller sees and does on its page, with an account (/stories/:id) or with their
 * emailed link (/stories/:id/teller/:token): its status and the moderator's latest reason, their
 * consents, withdrawal, and the consent history in plain words. Only ever loaded for the teller.
 */

/** A refusal of the story services, by the field it is about. */
export const STORY_REFUSALS: Record<StoryRefusal, [field: string, message: string]> = {
  "no-such-demand": ["demandIds", "One of the demands you chose is not open any more. Choose again."],
  "no-such-campaign": ["campaignIds", "One of the campaigns you chose has ended. Choose again."],
  "not-in-organisation": ["organisationId", "Choose one of your own organisations"],
  "no-campaigns-named": ["campaignIds", "Choose at least one campaign whose organisers may read it"],
};

export async function tellerView(story: StoryRecord, names: { campaigns: Array<{ id: number; title: string }>; organisations: Array<{ id: number; name: string }> }): Promise<TellerView> {
  // The teller's view of the reviews: a safeguarding decision's reason is the moderators' worry, never shown to them.
  const [history, reviews] = await Promise.all([listStoryConsentHistory(db, story.id), listStoryReviewsForTeller(db, story.id)]);
  const latest = reviews.at(-1);
  const campaignNames = new Map([...names.campaigns, ...story.audienceCampaigns].map((c) => [c.id, c.title]));
  const organisationNames = new Map(names.organisations.map((o) => [o.id, o.name]));
  return {
    status: story.status,
    statusLabel: STORY_STATUSES[story.status].label,
    statusMeaning: STORY_STATUSES[story.status].meaning,
    // The moderator's reason is the teller's to read; a published story's note (if any) too.
    reviewReason: latest && latest.reason && story.status !== "waiting" && story.status !== "withdrawn" ? latest.reason : null,
    withdrawnAt: story.withdrawnAt ? new Date(story.withdrawnAt).toISOString() : null,
    history: history
      .map((event) => ({ id: event.id, at: new Date(event.createdAt).toISOString(), date: formatLondonDate(event.createdAt), text: `${consentEventText(event, { campaigns: campaignNames, organisations: organisationNames })}${consentEventBy(event.actor)}` }))
      .reverse(),
  };
}

interface TellerAction {
  request: Request;
  formData: FormData;
  storyId: number;
  /** The member, or null acting with the emailed link. */
  tellerId: number | null;
  back: string;
}

export async function consentIntent({ request, formData, storyId, tellerId, back }: TellerAction) {
  const schema = tellerId === null ? NoAccountConsentSchema : StoryConsentSchema;
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, intent: "consents" });
  const c = parsed.data;
  const result = await changeStoryConsents(
    db,
    storyId,
    tellerId,
    { audience: c.audience, audienceCampaignIds: c.campaignIds, nameChoice: c.nameChoice, firstName: c.firstName, organisationId: c.nameChoice === "organisation" ? c.organisationId : null, place: c.place, mayQuote: c.mayQuote, forResearch: c.forResearch },
    tellerId === null ? "teller_link" : "teller",
  );
  if (!result.ok) {
    if (result.reason === "no-such-story") notFound();
    if (result.reason === "withdrawn") return invalid({ form: "This story has been withdrawn, so its choices cannot change." }, { ...formValues(formData, schema), intent: "consents" });
    const [field, message] = STORY_REFUSALS[result.reason];
    return invalid({ [field]: message }, { ...formValues(formData, schema), intent: "consents" });
  }
  return redirectWithFlash(request, `${back}#consents-heading`, {
    kind: "success",
    message: result.changed.length === 0 ? "Nothing changed: your choices were already these." : "Your choices are saved. They apply everywhere from now on.",
  });
}

export async function withdrawIntent({ request, storyId, tellerId, back }: TellerAction) {
  const result = await withdrawStory(db, storyId, tellerId, tellerId === null ? "teller_link" : "teller");
  if (!result.ok && result.reason === "no-such-story") notFound();
  return redirectWithFlash(request, `${back}#status-heading`, { kind: "success", message: result.ok ? "Your story is withdrawn. Nobody else can read it now." : "Your story was already withdrawn." });
}
