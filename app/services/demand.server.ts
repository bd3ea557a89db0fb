import type { Database } from "../../db";
import type { DecisionRule, DemandOutcome, DemandStage, Perspective, Topic, VoteChoice } from "../../db/schema";
import { PERSPECTIVES } from "../../db/schema";
import { clearSupport, decideAmendment, getAmendmentForUpdate, insertAmendment, listOpenAmendmentTexts, rebaseAmendmentText, addSupport, removeSupport } from "~/models/amendment.server";
import { followDemand, getDemand, getDemandForUpdate, getDemandTitle, getEndorsement, getVotingStateForShare, insertDemand, insertRevision, listDueVotingDemands, recordDemandEvent, setDemandStage, upsertEndorsement, type DemandText, withdrawEndorsement } from "~/models/demand.server";
import { listFollowerIds } from "~/models/follow.server";
import { getMember } from "~/models/member.server";
import { getOrganisationName } from "~/models/organisation.server";
import { listVoterIds, tallyVotes, tallyVotesByPerspective, upsertVote } from "~/models/vote.server";
import { decide, emptyTotals, suppressBreakdown } from "~/demands/decision";
import { formatWhen } from "~/demands/labels";
import { enqueueJob, JOBS } from "~/services/jobs.server";
import { notifyFollowers, notifyMembers } from "./notifications.server";
import { replaceParagraph, splitParagraphs } from "~/demands/paragraphs";
import { notFound } from "~/utils/responses.server";

export async function proposeDemand(db: Database, memberId: number, input: DemandText & { topics: Topic[]; organisationId: number | null }) {
  return db.transaction().execute(async (trx) => {
    const id = await insertDemand(trx, { ...input, createdBy: memberId });
    await recordDemandEvent(trx, { demandId: id, actorId: memberId, from: null, to: "draft", reason: "Proposed" });
    // Taking part follows automatically (and can be undone on the demand's page).
    await followDemand(trx, id, memberId);
    return id;
  });
}

export type SaveResult = { ok: true; revision: number } | { ok: false; current: DemandText & { revision: number } };

/**
 * Every save by an author is a numbered revision with a note. `baseRevision` is the revision the
 * author started from: if a co-author saved since, nothing is overwritten and the caller gets the
 * current text to show beside theirs (the row is locked, so two racing saves cannot both pass).
 */
export async function saveDemandText(db: Database, demandId: number, authorId: number, text: DemandText, note: string, options: { baseRevision?: number } = {}): Promise<SaveResult> {
  return db.transaction().execute(async (trx) => {
    const demand = await getDemandForUpdate(trx, demandId);
    if (!demand) notFound();
    if (options.baseRevision !== undefined && demand.current_revision !== options.baseRevision) {
      return { ok: false, current: { revision: demand.current_revision, title: demand.title, summary: demand.summary, body: demand.body, easyRead: demand.easy_read } } as const;
    }
    return { ok: true, revision: await insertRevision(trx, demandId, { ...text, authorId, note }) } as const;
  });
}

/** Why a step of a demand's process was refused; the page says it in words. */
export type TransitionResult = { ok: true } | { ok: false; reason: "not-draft" | "not-in-consultation" | "no-easy-read" | "not-open" };

export async function openConsultation(db: Database, demandId: number, actorId: number, endsAt: Date): Promise<TransitionResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await setDemandStage(trx, demandId, ["draft"], "consultation", { consultationEndsAt: endsAt }))) return { ok: false, reason: "not-draft" } as const;
    await recordDemandEvent(trx, { demandId, actorId, from: "draft", to: "consultation", reason: `Consultation open until ${formatWhen(endsAt)}`, detail: { endsAt } });
    const demand = (await getDemand(trx, demandId))!;
    const group = { key: `demand:${demandId}`, title: demand.title };
    await notifyFollowers(trx, [`demand:${demandId}`], {
      kind: "demand_stage",
      title: `Consultation open: ${demand.title}`,
      paragraphs: [`Comment and propose amendments until ${formatWhen(endsAt)}.`],
      url: `/demands/${demandId}`,
      action: "Read and comment",
      group,
      reason: "You get this because you follow this demand.",
      actorId,
    });
    // A new public demand: members following any of its topics hear about it.
    await notifyFollowers(trx, demand.topics.map((t) => `topic:${t}`), {
      kind: "topic_new_demand",
      title: `New demand: ${demand.title}`,
      paragraphs: [demand.summary],
      url: `/demands/${demandId}`,
      action: "Read it",
      group: { key: "new-demands", title: "New demands in topics you follow" },
      reason: "You get this because you follow one of this demand's topics.",
      actorId,
    });
    return { ok: true };
  });
}

/**
 * Opens voting with its rule stated up front, and schedules the close job for the deadline (written
 * in the same transaction, so a vote that opens always closes).
 */
export async function openVoting(
  db: Database,
  demandId: number,
  actorId: number,
  options: { endsAt: Date; rule: DecisionRule; quorum: number | null; liveResults: boolean },
): Promise<TransitionResult> {
  return db.transaction().execute(async (trx) => {
    const demand = await getDemandForUpdate(trx, demandId);
    if (!demand || demand.stage !== "consultation") return { ok: false, reason: "not-in-consultation" } as const;
    if (!demand.easy_read.trim()) return { ok: false, reason: "no-easy-read" } as const;
    await setDemandStage(trx, demandId, ["consultation"], "voting", { votingEndsAt: options.endsAt, decisionRule: options.rule, quorum: options.quorum, liveResults: options.liveResults });
    await recordDemandEvent(trx, {
      demandId,
      actorId,
      from: "consultation",
      to: "voting",
      reason: `Voting open until ${formatWhen(options.endsAt)}`,
      detail: { rule: options.rule, quorum: options.quorum, liveResults: options.liveResults, endsAt: options.endsAt },
    });
    await enqueueJob(trx, JOBS.closeVoting, { demandId }, { startAfter: options.endsAt, singletonKey: `close-${demandId}` });
    await notifyFollowers(trx, [`demand:${demandId}`], {
      kind: "demand_stage",
      title: `Voting open: ${demand.title}`,
      paragraphs: [`Voting is open until ${formatWhen(options.endsAt)}.`],
      url: `/demands/${demandId}`,
      action: "Vote",
      group: { key: `demand:${demandId}`, title: demand.title },
      reason: "You get this because you follow this demand.",
      actorId,
    });
    // A reminder a day before the deadline, for those who have not voted yet.
    const reminderAt = new Date(options.endsAt.getTime() - 24 * 3_600_000);
    if (reminderAt > new Date()) await enqueueJob(trx, JOBS.votingClosing, { demandId, votingEndsAt: options.endsAt.toISOString() }, { startAfter: reminderAt });
    return { ok: true };
  });
}

const WITHDRAWABLE: DemandStage[] = ["draft", "consultation", "voting"];

export async function withdrawDemand(db: Database, demandId: number, actorId: number, reason: string): Promise<TransitionResult> {
  return db.transaction().execute(async (trx) => {
    const demand = await getDemandForUpdate(trx, demandId);
    if (!demand || !WITHDRAWABLE.includes(demand.stage)) return { ok: false, reason: "not-open" } as const;
    await setDemandStage(trx, demandId, WITHDRAWABLE, "withdrawn");
    await recordDemandEvent(trx, { demandId, actorId, from: demand.stage, to: "withdrawn", reason });
    return { ok: true };
  });
}

export type VoteResult = { ok: true } | { ok: false; reason: "closed" };

/** Casts or changes a vote; refused once the deadline has passed, even before the close job runs. */
export async function castVote(db: Database, demandId: number, memberId: number, vote: { choice: VoteChoice; reason: string | null; reasonPublic: boolean }): Promise<VoteResult> {
  return db.transaction().execute(async (trx) => {
    // A shared lock: many votes at once, but none while the close job holds the row.
    const demand = await getVotingStateForShare(trx, demandId);
    if (!demand || demand.stage !== "voting" || !demand.voting_ends_at || demand.voting_ends_at <= new Date()) return { ok: false, reason: "closed" } as const;
    await upsertVote(trx, { demandId, memberId, ...vote });
    await followDemand(trx, demandId, memberId);
    return { ok: true } as const;
  });
}

/**
 * Closes a vote whose deadline has passed: exactly once, however many times the job runs (the row
 * is locked and the stage checked). Computes the outcome by the stated rule, records it in the
 * decision log, and emails everyone who took part.
 */
export async function closeVoting(db: Database, demandId: number): Promise<DemandOutcome | null> {
  return db.transaction().execute(async (trx) => {
    const demand = await getDemandForUpdate(trx, demandId);
    if (!demand || demand.stage !== "voting" || !demand.voting_ends_at || demand.voting_ends_at > new Date() || !demand.decision_rule) return null;
    const [totals, byPerspective] = await Promise.all([tallyVotes(trx, demandId), tallyVotesByPerspective(trx, demandId)]);
    const verdict = decide({ rule: demand.decision_rule, quorum: demand.quorum, totals, livedExperience: byPerspective.get("lived_experience") ?? emptyTotals() });
    const outcome: DemandOutcome = {
      adopted: verdict.adopted,
      totals,
      turnout: verdict.turnout,
      quorum: demand.quorum,
      quorumMet: verdict.quorumMet,
      rule: demand.decision_rule,
      explanation: verdict.explanation,
      livedExperienceMajority: verdict.livedExperienceMajority,
      breakdown: suppressBreakdown(
        PERSPECTIVES.map((perspective: Perspective) => ({ perspective, totals: byPerspective.get(perspective) ?? emptyTotals() })),
        verdict.turnout,
      ),
      closedAt: new Date().toISOString(),
    };
    const to = outcome.adopted ? "adopted" : "not_adopted";
    await setDemandStage(trx, demandId, ["voting"], to, { outcome });
    await recordDemandEvent(trx, { demandId, actorId: null, from: "voting", to, reason: verdict.explanation, detail: { totals, turnout: verdict.turnout, quorumMet: verdict.quorumMet } });
    // Telling everyone (participants follow automatically) is a fan-out job of its own, written in
    // this transaction: closing stays fast whatever the turnout, and the announcement cannot be lost.
    await notifyFollowers(trx, [`demand:${demandId}`], {
      kind: "demand_outcome",
      title: `Result: ${demand.title} was ${outcome.adopted ? "adopted" : "not adopted"}`,
      paragraphs: [`The vote has closed. ${outcome.explanation}`, "Thank you for taking part. The full result, including a breakdown by perspective, is on the demand's page."],
      url: `/demands/${demandId}#result`,
      action: "See the result",
      group: { key: `demand:${demandId}`, title: demand.title },
      reason: "You get this because you follow or took part in this demand.",
    });
    return outcome;
  });
}

/**
 * A day before a vote closes (a job scheduled when voting opened): followers who have not voted are
 * reminded. Nothing if the deadline has since moved or the vote is over.
 */
export async function notifyVotingClosing(db: Database, demandId: number, votingEndsAt: string) {
  return db.transaction().execute(async (trx) => {
    const demand = await getDemand(trx, demandId);
    if (!demand || demand.stage !== "voting" || demand.voting_ends_at?.toISOString() !== votingEndsAt) return false;
    const alreadyVoted = new Set(await listVoterIds(trx, demandId));
    const followers = await listFollowerIds(trx, `demand:${demandId}`);
    // Followers of one demand are bounded by the membership; the reminder goes only to those yet to vote.
    await notifyMembers(
      trx,
      followers.filter((id) => !alreadyVoted.has(id)),
      {
        kind: "voting_closing",
        title: `Voting closes in 24 hours: ${demand.title}`,
        paragraphs: [`Voting closes ${formatWhen(new Date(votingEndsAt))}. You have not voted yet.`],
        url: `/demands/${demandId}#vote`,
        action: "Vote now",
        group: { key: `demand:${demandId}`, title: demand.title },
        reason: "You get this because you follow this demand.",
      },
    );
    return true;
  });
}

/** The minute sweep: closes any vote past its deadline (normally its own job got there first). */
export async function closeDueVotes(db: Database) {
  let closed = 0;
  for (const { id } of await listDueVotingDemands(db)) if (await closeVoting(db, id)) closed++;
  return closed;
}

export type AmendmentTarget = { paragraphIndex: number | null };

export async function proposeAmendment(
  db: Database,
  demandId: number,
  authorId: number,
  input: { paragraphIndex: number | null; proposedText: string; rationale: string },
): Promise<{ ok: true; id: number } | { ok: false; reason: "not-in-consultation" | "no-such-paragraph" | "unchanged" }> {
  return db.transaction().execute(async (trx) => {
    const demand = await getDemand(trx, demandId);
    if (!demand || demand.stage !== "consultation") return { ok: false, reason: "not-in-consultation" } as const;
    const paragraphs = splitParagraphs(demand.body);
    if (input.paragraphIndex !== null && (input.paragraphIndex < 0 || input.paragraphIndex >= paragraphs.length)) return { ok: false, reason: "no-such-paragraph" } as const;
    const originalText = input.paragraphIndex === null ? demand.body : paragraphs[input.paragraphIndex]!;
    if (originalText.trim() === input.proposedText.trim()) return { ok: false, reason: "unchanged" } as const;
    const id = await insertAmendment(trx, { demandId, authorId, baseRevision: demand.current_revision, paragraphIndex: input.paragraphIndex, originalText, proposedText: input.proposedText.trim(), rationale: input.rationale });
    await followDemand(trx, demandId, authorId);
    return { ok: true, id } as const;
  });
}

/** Whether the text an amendment replaces has changed since it was proposed. */
export function isAmendmentStale(amendment: { paragraph_index: number | null; original_text: string }, currentBody: string) {
  const current = amendment.paragraph_index === null ? currentBody : splitParagraphs(currentBody)[amendment.paragraph_index];
  return (current ?? "").trim() !== amendment.original_text.trim();
}

/** The body a demand would have if this amendment were accepted. */
function bodyWithAmendment(amendment: { paragraph_index: number | null; proposed_text: string }, body: string) {
  return amendment.paragraph_index === null ? amendment.proposed_text : replaceParagraph(body, amendment.paragraph_index, amendment.proposed_text);
}

/**
 * The other open amendments that accepting this one would put out of date: current now, stale
 * against the text it would produce. The author sees them before accepting; their authors are told after.
 */
export async function amendmentsOutdatedBy(db: Database, amendment: { id: number; demand_id: number; paragraph_index: number | null; proposed_text: string }, currentBody: string) {
  const after = bodyWithAmendment(amendment, currentBody);
  const open = await listOpenAmendmentTexts(db, amendment.demand_id);
  return open.filter((other) => other.id !== amendment.id && !isAmendmentStale(other, currentBody) && isAmendmentStale(other, after));
}

export type RebaseResult = { ok: true } | { ok: false; reason: "not-yours" | "not-in-consultation" | "paragraph-gone" | "unchanged" };

/**
 * An out-of-date amendment's author points it at the current text in one step, keeping (or editing)
 * what they propose. A paragraph that no longer exists cannot be re-based onto: they propose afresh.
 */
export async function rebaseAmendment(db: Database, amendmentId: number, authorId: number, proposedText: string): Promise<RebaseResult> {
  return db.transaction().execute(async (trx) => {
    const amendment = await getAmendmentForUpdate(trx, amendmentId);
    if (!amendment || amendment.status !== "open" || amendment.author_id !== authorId) return { ok: false, reason: "not-yours" } as const;
    const demand = (await getDemandForUpdate(trx, amendment.demand_id))!;
    if (demand.stage !== "consultation") return { ok: false, reason: "not-in-consultation" } as const;
    const current = amendment.paragraph_index === null ? demand.body : splitParagraphs(demand.body)[amendment.paragraph_index];
    if (current === undefined) return { ok: false, reason: "paragraph-gone" } as const;
    if (current.trim() === proposedText.trim()) return { ok: false, reason: "unchanged" } as const;
    await rebaseAmendmentText(trx, amendment.id, { baseRevision: demand.current_revision, originalText: current, proposedText: proposedText.trim() });
    // Support was given to a wording: a changed wording starts again; the same wording keeps it.
    if (proposedText.trim() !== amendment.proposed_text.trim()) await clearSupport(trx, amendment.id);
    return { ok: true } as const;
  });
}

export type AmendmentDecision = { ok: true; revision?: number } | { ok: false; reason: "not-open" | "stale" };

/**
 * Accepting makes a new revision crediting the amender; a stale amendment cannot be accepted (the
 * authors would be pasting over text they have since changed). Either way the amender is told.
 */
export async function decideOnAmendment(db: Database, amendmentId: number, deciderId: number, decision: { accept: boolean; reason: string | null }): Promise<AmendmentDecision> {
  return db.transaction().execute(async (trx) => {
    const amendment = await getAmendmentForUpdate(trx, amendmentId);
    if (!amendment || amendment.status !== "open") return { ok: false, reason: "not-open" } as const;
    const demand = (await getDemandForUpdate(trx, amendment.demand_id))!;
    if (demand.stage !== "consultation") return { ok: false, reason: "not-open" } as const;
    let revision: number | undefined;
    if (decision.accept) {
      if (isAmendmentStale(amendment, demand.body)) return { ok: false, reason: "stale" } as const;
      const outdated = await amendmentsOutdatedBy(trx, amendment, demand.body);
      const body = bodyWithAmendment(amendment, demand.body);
      const amender = amendment.author_id ? await getMember(trx, amendment.author_id) : undefined;
      revision = await insertRevision(trx, demand.id, {
        title: demand.title,
        summary: demand.summary,
        body,
        easyRead: demand.easy_read,
        authorId: amendment.author_id,
        note: `Amendment ${amendment.id} by ${amender?.display_name ?? "a former member"}, accepted`,
        amendmentId: amendment.id,
      });
      // Authors whose amendments this one overtook are told, with the one-step way to update theirs.
      for (const other of outdated) {
        if (!other.author_id) continue;
        await notifyMembers(trx, [other.author_id], {
          kind: "amendment_decided",
          title: `Your amendment to ${demand.title} needs updating`,
          paragraphs: [
            `The authors of "${demand.title}" accepted another amendment that changed the text yours replaces, so yours cannot be accepted as it stands.`,
            "Open it to see the new text and update your amendment in one step. The discussion stays with it, and so do its supporters if you keep your wording.",
          ],
          url: `/demands/${demand.id}/amendments/${other.id}#update`,
          action: "Update my amendment",
          group: { key: `demand:${demand.id}`, title: demand.title },
          reason: "You get this because you proposed this amendment.",
          actorId: deciderId,
        });
      }
    }
    await decideAmendment(trx, amendmentId, deciderId, decision.accept ? "accepted" : "declined", decision.reason);
    if (amendment.author_id) {
      await notifyMembers(trx, [amendment.author_id], {
        kind: "amendment_decided",
        title: `Your amendment to ${demand.title} was ${decision.accept ? "accepted" : "declined"}`,
        paragraphs: [
          decision.accept ? `The authors of "${demand.title}" accepted your amendment. It is now part of the text, credited to you.` : `The authors of "${demand.title}" declined your amendment.`,
          ...(decision.reason ? [`Their reason: ${decision.reason}`] : []),
        ],
        url: `/demands/${demand.id}/amendments/${amendment.id}`,
        action: "See the demand",
        group: { key: `demand:${demand.id}`, title: demand.title },
        reason: "You get this because you proposed this amendment.",
        actorId: deciderId,
      });
    }
    return { ok: true, revision } as const;
  });
}

/**
 * An organisation endorses a demand (or updates its statement): followers of the demand hear about a
 * new endorsement, not about an edited one.
 */
export async function endorseDemand(db: Database, demandId: number, organisationId: number, statement: string, memberId: number) {
  return db.transaction().execute(async (trx) => {
    const before = await getEndorsement(trx, demandId, organisationId);
    await upsertEndorsement(trx, demandId, organisationId, statement, memberId);
    if (before && !before.withdrawn_at) return;
    const [demand, organisation] = await Promise.all([getDemandTitle(trx, demandId), getOrganisationName(trx, organisationId)]);
    await notifyFollowers(trx, [`demand:${demandId}`, `organisation:${organisationId}`], {
      kind: "endorsement",
      title: `${organisation.name} endorsed ${demand.title}`,
      paragraphs: [`“${statement}”`],
      url: `/demands/${demandId}#endorsements`,
      action: "See the endorsements",
      group: { key: `demand:${demandId}`, title: demand.title },
      reason: "You get this because you follow this demand or organisation.",
      actorId: memberId,
    });
  });
}

/** An organisation's admin takes back its endorsement; it can endorse again later. */
export function withdrawOrganisationEndorsement(db: Database, demandId: number, organisationId: number) {
  return withdrawEndorsement(db, demandId, organisationId);
}

/** A member supports an amendment, once, or takes their support back. */
export function supportAmendment(db: Database, amendmentId: number, memberId: number, support: boolean) {
  return support ? addSupport(db, amendmentId, memberId) : removeSupport(db, amendmentId, memberId);
}
