import type { Database } from "../../db";
import { getDemandForUpdate, isDemandAuthor, listDemandAuthors } from "~/models/demand.server";
import { acceptSource, declineSource, getSourceForUpdate, insertSource, nextSourceNumber } from "~/models/source.server";
import { gathersEvidence } from "~/demands/evidence";
import type { SourceInput } from "~/demands/evidence-forms";
import { notifyMembers } from "./notifications.server";

export type SuggestSourceResult = { ok: true; status: "accepted"; number: number } | { ok: true; status: "suggested" } | { ok: false; reason: "not-gathering" };
export type DecideSourceResult = { ok: true; number: number | null } | { ok: false; reason: "not-gathering" | "not-author" | "no-such-source" | "already-decided" };

/**
 * A member suggests a source for a demand; the authors hear of it (a daily digest by default). An
 * author's own source is accepted at once: they are the ones who would accept it, and a second step
 * would only be them agreeing with themselves. Numbered under the demand's row lock.
 */
export async function suggestSource(db: Database, demandId: number, member: { id: number; displayName: string }, input: SourceInput): Promise<SuggestSourceResult> {
  return db.transaction().execute(async (trx) => {
    const demand = await getDemandForUpdate(trx, demandId);
    if (!demand || !gathersEvidence(demand.stage)) return { ok: false, reason: "not-gathering" } as const;
    const source = { demandId, suggestedBy: member.id, ...input };
    if (await isDemandAuthor(trx, demandId, member.id)) {
      const number = await nextSourceNumber(trx, demandId);
      await insertSource(trx, source, { number });
      return { ok: true, status: "accepted", number } as const;
    }
    await insertSource(trx, source);
    const authors = await listDemandAuthors(trx, demandId);
    await notifyMembers(
      trx,
      authors.map((a) => a.id),
      {
        kind: "source_suggested",
        title: `${member.displayName} suggested a source of evidence for ${demand.title}`,
        paragraphs: [`"${input.title}" (${input.author}). Open the evidence page to accept it into the numbered list or decline it with a reason.`],
        url: `/demands/${demandId}/evidence#suggestions-heading`,
        action: "Review the suggestion",
        group: { key: `demand:${demandId}`, title: demand.title },
        reason: "You get this because you are an author of this demand.",
        actorId: member.id,
      },
    );
    return { ok: true, status: "suggested" } as const;
  });
}

/** An author accepts a suggested source (it takes the next number, for good) or declines it with a reason; the suggester is told. */
export async function decideOnSource(db: Database, demandId: number, sourceId: number, deciderId: number, decision: { accept: true } | { accept: false; reason: string }): Promise<DecideSourceResult> {
  return db.transaction().execute(async (trx) => {
    const demand = await getDemandForUpdate(trx, demandId);
    if (!demand || !gathersEvidence(demand.stage)) return { ok: false, reason: "not-gathering" } as const;
    if (!(await isDemandAuthor(trx, demandId, deciderId))) return { ok: false, reason: "not-author" } as const;
    const source = await getSourceForUpdate(trx, sourceId);
    if (!source || source.demand_id !== demandId) return { ok: false, reason: "no-such-source" } as const;
    if (source.status !== "suggested") return { ok: false, reason: "already-decided" } as const;
    let number: number | null = null;
    if (decision.accept) {
      number = await nextSourceNumber(trx, demandId);
      await acceptSource(trx, sourceId, deciderId, number);
    } else {
      await declineSource(trx, sourceId, deciderId, decision.reason);
    }
    if (source.suggested_by) {
      await notifyMembers(trx, [source.suggested_by], {
        kind: "source_decided",
        title: `The source you suggested for ${demand.title} was ${decision.accept ? "accepted" : "declined"}`,
        paragraphs: decision.accept
          ? [`The authors accepted "${source.title}". It is source ${number} in the demand's evidence.`]
          : [`The authors declined "${source.title}".`, `Their reason: ${decision.reason}`],
        url: decision.accept ? `/demands/${demandId}#source-${number}` : `/demands/${demandId}/evidence#my-suggestions-heading`,
        action: decision.accept ? "See it on the demand" : "See your suggestions",
        group: { key: `demand:${demandId}`, title: demand.title },
        reason: "You get this because you suggested this source.",
        actorId: deciderId,
      });
    }
    return { ok: true, number } as const;
  });
}
