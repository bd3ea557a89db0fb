import { addCampaignPartner, addCoOrganiser, endCampaign, postCampaignEntry, removeCampaignPartner, removeCoOrganiser, saveCampaignDetails } from "~/services/campaign.server";
import { CampaignSchema, EndSchema, EntrySchema } from "~/campaigns/forms";
import type { CurrentMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirect } from "@remix-run/node";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm } from "~/utils/forms";
import { parseId } from "~/utils/ids";
import { badRequest, invalid } from "~/utils/responses.server";

/** Why a co-organiser could not be added. */
const ORGANISER_REFUSED = {
  "not-listed-member": "They can only act for a verified organisation they belong to and are listed in.",
  "already-organiser": "They are already an organiser.",
} as const;

/** What organisers do on the manage page: each reads its form and calls one service function. */
interface Intent {
  request: Request;
  member: CurrentMember;
  campaign: { id: number; demand_id: number };
  formData: FormData;
  back: string;
}

async function postEntry({ member, campaign, formData }: Intent) {
  const parsed = parseForm(EntrySchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { kind, headline, text, link, happenedOn } = parsed.data;
  const id = await postCampaignEntry(db, campaign.id, member.id, { kind, title: headline, body: text, link, happenedOn });
  if (!id) return invalid({ form: "This campaign has ended, so its timeline is closed." }, formValues(formData, EntrySchema));
  // The confirmation is shown on the entry itself, where the anchor lands (not a flash out of view at the top).
  return redirect(`/campaigns/${campaign.id}?posted=${id}#update-${id}`);
}

async function saveDetails({ request, campaign, formData, back }: Intent) {
  const parsed = parseForm(CampaignSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { partners: _ignored, ...fields } = parsed.data;
  await saveCampaignDetails(db, campaign.id, fields);
  return redirectWithFlash(request, back, { kind: "success", message: "The campaign's details are saved." });
}

async function addOrganiser({ request, campaign, formData, back }: Intent) {
  const memberId = parseId(formData.get("memberId"));
  if (memberId === null) badRequest();
  const result = await addCoOrganiser(db, campaign.id, memberId, parseId(formData.get("organisationId")));
  if (!result.ok) return invalid({ form: ORGANISER_REFUSED[result.reason] });
  return redirectWithFlash(request, back, { kind: "success", message: "Co-organiser added." });
}

async function removeOrganiserIntent({ request, campaign, formData, back }: Intent) {
  const memberId = parseId(formData.get("memberId"));
  if (memberId === null) badRequest();
  const removed = await removeCoOrganiser(db, campaign.id, memberId);
  return redirectWithFlash(request, back, removed ? { kind: "success", message: "Co-organiser removed." } : { kind: "info", message: "The lead organiser stays; nothing changed." });
}

async function addPartner({ request, campaign, formData, back }: Intent) {
  const organisationId = parseId(formData.get("organisationId"));
  if (organisationId === null) badRequest();
  if (!(await addCampaignPartner(db, campaign, organisationId))) return invalid({ form: "Only verified organisations that endorse the demand can be partners." });
  return redirectWithFlash(request, back, { kind: "success", message: "Partner added." });
}

async function removePartnerIntent({ request, campaign, formData, back }: Intent) {
  const organisationId = parseId(formData.get("organisationId"));
  if (organisationId === null) badRequest();
  await removeCampaignPartner(db, campaign.id, organisationId);
  return redirectWithFlash(request, back, { kind: "success", message: "Partner removed." });
}

async function endIntent({ request, member, campaign, formData }: Intent) {
  const parsed = parseForm(EndSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  // Ending cannot be undone: the first submit only asks; the confirmation carries the same fields back.
  if (formData.get("confirmed") !== "yes") return { confirmEnd: parsed.data };
  const ended = await endCampaign(db, campaign.id, member.id, parsed.data.outcome, { title: parsed.data.result, body: parsed.data.resultText, link: parsed.data.resultLink });
  if (!ended) return invalid({ form: "This campaign has already ended." });
  return redirectWithFlash(request, `/campaigns/${campaign.id}`, { kind: "success", message: parsed.data.outcome === "won" ? "Marked as won. Congratulations to everyone who took part." : "The campaign is closed." });
}

export const CAMPAIGN_INTENTS = new Map<string, (args: Intent) => ReturnType<typeof postEntry | typeof endIntent>>([
  ["entry", postEntry],
  ["details", saveDetails],
  ["add-organiser", addOrganiser],
  ["remove-organiser", removeOrganiserIntent],
  ["add-partner", addPartner],
  ["remove-partner", removePartnerIntent],
  ["end", endIntent],
]);
