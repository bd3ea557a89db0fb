import type { Database } from "../../db";

/**
 * A member's own contributions, for "Download my data" (UK GDPR right of access): their votes,
 * comments, amendments and supports, sources of evidence they suggested, follows, reports and organisation join requests. Each query
 * reads by an indexed member column.
 */
export async function listMemberContributions(db: Database, memberId: number) {
  const [votes, comments, amendments, supports, sources, follows, reports, joinRequests] = await Promise.all([
    db
      .selectFrom("vote")
      .innerJoin("demand", "demand.id", "vote.demand_id")
      .select(["vote.demand_id as demandId", "demand.title as demandTitle", "vote.choice", "vote.reason", "vote.reason_public as reasonPublic", "vote.cast_at as castAt", "vote.updated_at as updatedAt"])
      .where("vote.member_id", "=", memberId)
      .orderBy("vote.id")
      .execute(),
    db
      .selectFrom("comment")
      .select(["id", "demand_id as demandId", "amendment_id as amendmentId", "parent_id as parentId", "body", "content_note as contentNote", "status", "created_at as createdAt", "edited_at as editedAt"])
      .where("author_id", "=", memberId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("amendment")
      .select(["id", "demand_id as demandId", "paragraph_index as paragraphIndex", "proposed_text as proposedText", "rationale", "status", "created_at as createdAt"])
      .where("author_id", "=", memberId)
      .orderBy("id")
      .execute(),
    db.selectFrom("amendment_support").select(["amendment_id as amendmentId", "created_at as supportedAt"]).where("member_id", "=", memberId).orderBy("amendment_id").execute(),
    db
      .selectFrom("demand_source")
      .select(["id", "demand_id as demandId", "title", "author", "year", "url", "finding", "kind", "status", "number", "decline_reason as declineReason", "created_at as suggestedAt"])
      .where("suggested_by", "=", memberId)
      .orderBy("id")
      .execute(),
    // What they follow: "demand:12", "campaign:3", "topic:housing", "organisation:5".
    db.selectFrom("follow").select(["subject", "created_at as followedAt"]).where("member_id", "=", memberId).orderBy("created_at").execute(),
    db.selectFrom("comment_report").select(["comment_id as commentId", "category", "reason", "status", "created_at as reportedAt"]).where("reporter_id", "=", memberId).orderBy("created_at").execute(),
    db
      .selectFrom("organisation_join_request")
      .innerJoin("organisation", "organisation.id", "organisation_join_request.organisation_id")
      .select(["organisation.name as organisation", "organisation_join_request.message", "organisation_join_request.created_at as requestedAt"])
      .where("organisation_join_request.member_id", "=", memberId)
      .execute(),
  ]);
  const [eventRegistrations, eventAccessNeeds] = await Promise.all([
    db
      .selectFrom("event_registration as r")
      .innerJoin("event as e", "e.id", "r.event_id")
      .select(["e.title as event", "e.starts_at as startsAt", "r.status", "r.expert_by_experience as expertByExperience", "r.claims_travel as claimsTravel", "r.attended", "r.created_at as registeredAt"])
      .where("r.member_id", "=", memberId)
      .orderBy("r.id")
      .execute(),
    // Health-adjacent, and theirs: what they told hosts, until it is deleted 30 days after the event.
    db
      .selectFrom("event_access_need as n")
      .innerJoin("event_registration as r", "r.id", "n.registration_id")
      .innerJoin("event as e", "e.id", "r.event_id")
      .select(["e.title as event", "n.needs", "n.dietary", "n.other", "n.created_at as toldHostsAt"])
      .where("r.member_id", "=", memberId)
      .orderBy("n.created_at")
      .execute(),
  ]);
  return { votes, comments, amendments, amendmentSupports: supports, evidenceSources: sources, follows, reports, joinRequests, eventRegistrations, eventAccessNeeds };
}
