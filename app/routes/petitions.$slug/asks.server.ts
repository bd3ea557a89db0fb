import { listPetitionTargets, listPetitionThresholdAsks, listResponses } from "~/models/ask.server";
import { db } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";

type Thresholds = { id: number; response_threshold: number | null; meeting_threshold: number | null; response_asked_at: Date | null; meeting_asked_at: Date | null };

/**
 * Whom the petition asks, and what came of it, for its page: at most three queries whatever its
 * size (its decision makers while a threshold is still ahead, its threshold asks and their
 * responses once one has passed), none when it has no thresholds.
 */
export async function petitionAsks(petition: Thresholds) {
  const thresholds = [
    { kind: "response" as const, count: petition.response_threshold, asked: Boolean(petition.response_asked_at) },
    { kind: "meeting" as const, count: petition.meeting_threshold, asked: Boolean(petition.meeting_asked_at) },
  ].filter((t): t is { kind: "response" | "meeting"; count: number; asked: boolean } => t.count !== null);
  if (!thresholds.length) return null;
  const ahead = thresholds.filter((t) => !t.asked);
  const [targets, asks] = await Promise.all([
    ahead.length ? listPetitionTargets(db, petition.id) : Promise.resolve([]),
    ahead.length < thresholds.length ? listPetitionThresholdAsks(db, petition.id) : Promise.resolve([]),
  ]);
  const answered = asks.filter((a) => a.status !== "asked" && a.status !== "no_response").map((a) => a.id);
  const responses = await listResponses(db, answered);
  return {
    ahead: targets.length ? ahead.map((t) => ({ kind: t.kind, count: t.count, names: targets.map((x) => x.name) })) : [],
    asks: asks.map((a) => ({
      id: a.id,
      threshold: a.threshold!,
      targetName: a.target_name,
      askedOn: a.asked_on,
      status: a.status,
      statusOn: a.status_on,
      summary: a.summary,
      responses: responses.filter((r) => r.ask_id === a.id).map((r) => ({ id: r.id, html: renderMarkdown(r.body, { headingLevel: 4 }), receivedOn: r.received_on, responder: r.responder, via: r.via })),
    })),
  };
}
export type PetitionAsks = NonNullable<Awaited<ReturnType<typeof petitionAsks>>>;
