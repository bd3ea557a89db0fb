import { z } from "zod";
import type { CurrentMember } from "~/members/session.server";
import { CHOICE_LABELS } from "~/components/vote-results";
import { listMemberOrganisations } from "~/models/organisation.server";
import { castVote, endorseDemand, withdrawOrganisationEndorsement } from "~/services/demand.server";
import { followSubject, unfollowSubject } from "~/services/follows.server";
import type { DemandContext } from "~/members/permissions";
import { can, canOnDemand } from "~/members/permissions";
import { db } from "~/utils/db.server";
import { multiline } from "~/utils/fields";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { parseId } from "~/utils/ids";
import { IdField } from "~/utils/fields";
import { forbidden, invalid } from "~/utils/responses.server";

/**
 * The demand page's own intents (voting, following, endorsing); comments and their moderation are
 * shared with amendment pages (~/demands/comment-intents.server). Each reads its form, calls one
 * service function and answers with a redirect and a flash, or the form's errors.
 */
interface Intent {
  request: Request;
  member: CurrentMember;
  demand: { id: number; stage: string };
  context: DemandContext;
  formData: FormData;
  back: string;
}

export const VoteSchema = z.object({
  choice: z.enum(["support", "oppose", "abstain"], { error: "Choose support, oppose or abstain" }),
  reason: multiline(z
    .string()
    .trim()
    .max(1000, { error: "Your reason must be 1,000 characters or fewer" })
    .optional()
    .transform((v) => (v ? v : null))),
  reasonPublic: z
    .literal("yes")
    .optional()
    .transform((v) => v === "yes"),
});
export const EndorseSchema = z.object({
  organisationId: IdField,
  statement: multiline(z.string({ error: "Write a short statement" }).trim().min(10, { error: "Write a short statement (10 characters or more)" }).max(1000, { error: "The statement must be 1,000 characters or fewer" })),
});

export async function voteIntent({ request, member, demand, context, formData, back }: Intent) {
  if (!canOnDemand(member, "demand.vote", context)) return invalid({ form: "Voting is not open for this demand." });
  const parsed = parseForm(VoteSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await castVote(db, demand.id, member.id, parsed.data);
  if (!result.ok) return invalid({ form: "Voting has closed, so your vote was not recorded." });
  return redirectWithFlash(request, `${back}#vote`, { kind: "success", message: `Your vote is recorded: ${CHOICE_LABELS[parsed.data.choice].toLowerCase()}. You can change it until voting closes.` });
}

export async function followIntent({ request, member, demand, context, back }: Intent, follow: boolean) {
  if (!canOnDemand(member, "demand.follow", context)) forbidden();
  if (follow) await followSubject(db, `demand:${demand.id}`, member.id);
  else await unfollowSubject(db, `demand:${demand.id}`, member.id);
  return redirectWithFlash(request, back, { kind: "success", message: follow ? "You are following this demand." : "You no longer follow this demand." });
}

/** Endorsing for an organisation the member can endorse for, or withdrawing its endorsement. */
export async function endorseIntent({ request, member, demand, formData, back }: Intent, withdraw: boolean) {
  const organisationId = parseId(formData.get("organisationId"));
  const mine = (await listMemberOrganisations(db, member.id)).find((o) => o.id === organisationId);
  if (organisationId === null || !mine || !can(member, "organisation.endorse", { membership: mine.role, verified: mine.status === "verified" }) || demand.stage === "draft" || demand.stage === "withdrawn") {
    forbidden();
  }
  if (withdraw) {
    await withdrawOrganisationEndorsement(db, demand.id, organisationId);
    return redirectWithFlash(request, back, { kind: "success", message: `${mine.name} no longer endorses this demand.` });
  }
  const parsed = parseForm(EndorseSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await endorseDemand(db, demand.id, organisationId, parsed.data.statement, member.id);
  return redirectWithFlash(request, back, { kind: "success", message: `${mine.name} now endorses this demand.` });
}
