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
  // Which proposed times for a gathering suit them: theirs, like a vote.
  const eventDateAnswers = await db
    .selectFrom("event_date_answer as a")
    .innerJoin("event_date_option as o", "o.id", "a.option_id")
    .innerJoin("event as e", "e.id", "o.event_id")
    .select(["e.title as event", "o.starts_at as startsAt", "o.ends_at as endsAt", "a.answer", "a.answered_at as answeredAt"])
    .where("a.member_id", "=", memberId)
    .orderBy("o.starts_at")
    .execute();
  return { votes, comments, amendments, amendmentSupports: supports, evidenceSources: sources, follows, reports, joinRequests, eventRegistrations, eventAccessNeeds, eventDateAnswers, stories: await listMemberStories(db, memberId) };
}

/**
 * The stories a member told, every status, with their text, the consents they give now, the history
 * of every consent and each moderation decision with its reason (never which moderator made it), and
 * the content notes they hide when reading. Five queries whatever the number of stories.
 */
export async function listMemberStories(db: Database, memberId: number) {
  const stories = await db
    .selectFrom("story")
    .select([
      "id",
      "title",
      "body",
      "easy_read as easyRead",
      "content_notes as contentNotes",
      "content_note_detail as contentNoteDetail",
      "topics",
      "status",
      "audience",
      "name_choice as nameChoice",
      "first_name as firstName",
      "organisation_id as organisationId",
      "place",
      "may_quote as mayQuote",
      "for_research as forResearch",
      "created_at as createdAt",
      "updated_at as updatedAt",
      "published_at as publishedAt",
      "withdrawn_at as withdrawnAt",
    ])
    .where("teller_id", "=", memberId)
    .orderBy("id")
    .execute();
  const ids = stories.map((s) => s.id);
  const [demands, campaigns, consents, reviews] =
    ids.length === 0
      ? [[], [], [], []]
      : await Promise.all([
          db.selectFrom("story_demand").select(["story_id", "demand_id"]).where("story_id", "in", ids).orderBy("demand_id").execute(),
          db.selectFrom("story_audience_campaign").select(["story_id", "campaign_id"]).where("story_id", "in", ids).orderBy("campaign_id").execute(),
          db.selectFrom("story_consent_event").select(["story_id", "consent", "value", "actor", "created_at as at"]).where("story_id", "in", ids).orderBy("id").execute(),
          db.selectFrom("story_review").select(["story_id", "decision", "reason", "created_at as at"]).where("story_id", "in", ids).orderBy("id").execute(),
        ]);
  const of = <T extends { story_id: number }>(rows: T[], id: number) => rows.filter((r) => r.story_id === id).map(({ story_id: _, ...rest }) => rest);
  const told = stories.map((s) => ({
    ...s,
    demandIds: of(demands, s.id).map((d) => d.demand_id),
    audienceCampaignIds: of(campaigns, s.id).map((c) => c.campaign_id),
    consentHistory: of(consents, s.id),
    reviews: of(reviews, s.id),
  }));
  const hidden = await db.selectFrom("member_hidden_content_note").select("category").where("member_id", "=", memberId).orderBy("category").execute();
  return { told, hiddenContentNotes: hidden.map((h) => h.category) };
}
