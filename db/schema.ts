import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * The typed shape of the database, written by hand next to the migrations
 * (docs/decisions/004-hand-written-schema.md): a migration that changes a table changes its
 * interface here in the same commit.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export interface RateLimitBucketTable {
  key: string;
  window_started_at: Timestamp;
  hits: number;
}

export interface EmailTable {
  id: Generated<number>;
  template: string;
  to_address: string;
  props: Json<Record<string, unknown>> | null;
  idempotency_key: string;
  status: ColumnType<"queued" | "sent" | "failed", "queued" | "sent" | "failed" | undefined>;
  subject: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
  /** Written without a job; the sweep (queueWaitingEmails) gives it one. */
  waiting: Generated<boolean>;
  /** Extra headers (List-Unsubscribe) for the provider. */
  headers: Json<Record<string, string>> | null;
}
export type Email = Selectable<EmailTable>;
export type NewEmail = Insertable<EmailTable>;
export type EmailUpdate = Updateable<EmailTable>;

export interface OutboxMessageTable {
  id: Generated<number>;
  email_id: number | null;
  from_address: string;
  to_address: string;
  reply_to: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Json<Record<string, string>>;
  created_at: Generated<Date>;
}
export type OutboxMessage = Selectable<OutboxMessageTable>;

export const PERSPECTIVES = ["lived_experience", "carer_family", "practitioner", "researcher", "supporter"] as const;
export type Perspective = (typeof PERSPECTIVES)[number];
export const ORGANISATION_KINDS = ["service_user_led", "professional_body", "charity", "academic", "other"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type CoalitionRole = "admin" | "moderator";
export type EmailTokenPurpose = "verify_email" | "sign_in" | "reset_password" | "change_email" | "notification_email";

export interface MemberTable {
  id: Generated<number>;
  email: string | null;
  email_verified_at: Date | null;
  notification_email: string | null;
  display_name: string;
  bio: string | null;
  pronouns: string | null;
  password_hash: string | null;
  confirmed_adult_at: Date | null;
  created_at: Generated<Date>;
  deleted_at: Date | null;
  notifications_paused: Generated<boolean>;
}
export type Member = Selectable<MemberTable>;

export interface MemberRoleTable {
  member_id: number;
  role: CoalitionRole;
  granted_at: Generated<Date>;
}

export interface SessionTable {
  id: string;
  member_id: number;
  expires_at: Timestamp;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  device: Generated<string>;
}
export type Session = Selectable<SessionTable>;

export interface EmailTokenTable {
  id: Generated<number>;
  token_hash: string;
  purpose: EmailTokenPurpose;
  member_id: number;
  email: string;
  pending_display_name: string | null;
  pending_password_hash: string | null;
  expires_at: Timestamp;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export interface ConsentTable {
  id: Generated<number>;
  member_id: number;
  kind: "terms" | "perspectives";
  version: string;
  given_at: Generated<Date>;
  withdrawn_at: Date | null;
}

export interface MemberPerspectiveTable {
  member_id: number;
  perspective: Perspective;
}

export type OrganisationStatus = "pending" | "verified" | "declined";

export interface OrganisationTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: OrganisationKind;
  description: Generated<string>;
  website: string | null;
  status: ColumnType<OrganisationStatus, OrganisationStatus | undefined>;
  verified_at: Date | null;
  declined_at: Date | null;
  decline_reason: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}
export type Organisation = Selectable<OrganisationTable>;

export interface OrganisationMembershipTable {
  organisation_id: number;
  member_id: number;
  role: "admin" | "member";
  listed: Generated<boolean>;
  joined_at: Generated<Date>;
}

export interface OrganisationInvitationTable {
  id: Generated<number>;
  organisation_id: number;
  email: string;
  token_hash: string;
  invited_by: number | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_at: Date | null;
  accepted_by: number | null;
}

export interface OrganisationJoinRequestTable {
  organisation_id: number;
  member_id: number;
  message: Generated<string>;
  created_at: Generated<Date>;
}

export interface AuditEventTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject_type: string;
  subject_id: number | null;
  detail: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
}

export const DEMAND_STAGES = ["draft", "consultation", "voting", "adopted", "not_adopted", "campaigning", "won", "closed", "withdrawn"] as const;
export type DemandStage = (typeof DEMAND_STAGES)[number];
export const DECISION_RULES = ["simple_majority", "two_thirds", "lived_experience_double_majority"] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];
export const TOPICS = ["poverty_income", "housing", "discrimination", "work", "isolation_community", "trauma_violence", "rights_law", "services", "other"] as const;
export type Topic = (typeof TOPICS)[number];
export type VoteChoice = "support" | "oppose" | "abstain";

/** What closing a vote records: totals, the rule's verdict, and the suppressed breakdown. */
export interface DemandOutcome {
  adopted: boolean;
  totals: Record<VoteChoice, number>;
  turnout: number;
  quorum: number | null;
  quorumMet: boolean;
  rule: DecisionRule;
  explanation: string;
  livedExperienceMajority: boolean | null;
  breakdown: Array<{ perspective: Perspective; suppressed: boolean; totals: Record<VoteChoice, number> | null }>;
  closedAt: string;
}

export interface DemandTable {
  id: Generated<number>;
  title: string;
  summary: string;
  body: string;
  easy_read: Generated<string>;
  topics: ColumnType<Topic[], Topic[] | undefined, Topic[]>;
  organisation_id: number | null;
  created_by: number | null;
  stage: ColumnType<DemandStage, DemandStage | undefined, DemandStage>;
  current_revision: Generated<number>;
  consultation_ends_at: Date | null;
  voting_opened_at: Date | null;
  voting_ends_at: Date | null;
  decision_rule: DecisionRule | null;
  quorum: number | null;
  live_results: Generated<boolean>;
  outcome: Json<DemandOutcome> | null;
  /** Kept by a trigger on comment (2026-11-24_06); read-only here. */
  comment_count: ColumnType<number, never, never>;
  created_at: Generated<Date>;
  last_activity_at: Generated<Date>;
  search: ColumnType<string, never, never>;
}
export type Demand = Selectable<DemandTable>;

export interface DemandAuthorTable {
  demand_id: number;
  member_id: number;
  lead: Generated<boolean>;
  added_at: Generated<Date>;
}

export const AUTHOR_INVITATION_STATUSES = ["pending", "accepted", "declined", "withdrawn", "expired"] as const;
export type AuthorInvitationStatus = (typeof AUTHOR_INVITATION_STATUSES)[number];

/** An invitation to co-author a demand (2026-12-05_01): waiting until accepted, declined, withdrawn or expired. */
export interface DemandAuthorInvitationTable {
  id: Generated<number>;
  demand_id: number;
  member_id: number;
  invited_by: number | null;
  status: ColumnType<AuthorInvitationStatus, AuthorInvitationStatus | undefined, AuthorInvitationStatus>;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  answered_at: Date | null;
}

export const SOURCE_KINDS = ["research", "official_statistics", "inquiry", "lived_experience_survey"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type SourceStatus = "suggested" | "accepted" | "declined";

/** A source of evidence behind a demand (2026-12-07_05): suggested, then accepted (numbered for good) or declined. */
export interface DemandSourceTable {
  id: Generated<number>;
  demand_id: number;
  title: string;
  author: string;
  year: number | null;
  url: string | null;
  finding: string;
  kind: SourceKind;
  suggested_by: number | null;
  status: ColumnType<SourceStatus, SourceStatus | undefined, SourceStatus>;
  decided_by: number | null;
  decided_at: Date | null;
  decline_reason: string | null;
  number: number | null;
  created_at: Generated<Date>;
}

export type ContentNoteCategory = "suicide" | "self_harm" | "abuse" | "sexual_violence" | "restraint" | "eating" | "substances" | "bereavement" | "discrimination" | "other";
export type StoryStatus = "waiting" | "changes_requested" | "published" | "declined" | "safeguarding" | "withdrawn";
export type StoryAudience = "public" | "members" | "organisers";
export type StoryNameChoice = "display_name" | "first_name" | "organisation" | "place" | "anonymous";

/** A story (2026-12-08_01): someone's own account, with the consents they currently give; history below. */
export interface StoryTable {
  id: Generated<number>;
  teller_id: number | null;
  signature_id: number | null;
  letter_id: number | null;
  left_anonymously_at: Date | null;
  title: string;
  body: string;
  easy_read: string | null;
  content_notes: ColumnType<ContentNoteCategory[], ContentNoteCategory[] | undefined, ContentNoteCategory[]>;
  content_note_detail: string | null;
  topics: ColumnType<Topic[], Topic[] | undefined, Topic[]>;
  status: ColumnType<StoryStatus, StoryStatus | undefined, StoryStatus>;
  audience: StoryAudience;
  name_choice: StoryNameChoice;
  first_name: string | null;
  organisation_id: number | null;
  place: string | null;
  may_quote: Generated<boolean>;
  for_research: Generated<boolean>;
  teller_link_version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: Date | null;
  withdrawn_at: Date | null;
}

export interface StoryDemandTable {
  story_id: number;
  demand_id: number;
}

export interface StoryAudienceCampaignTable {
  story_id: number;
  campaign_id: number;
}

export type StoryConsentKind = "audience" | "name" | "quote" | "research" | "withdrawn";

/** Append-only (a trigger refuses updates). */
export interface StoryConsentEventTable {
  id: Generated<number>;
  story_id: number;
  consent: StoryConsentKind;
  value: string;
  actor: "teller" | "teller_link" | "account_deletion";
  created_at: Generated<Date>;
}

export type StoryReviewDecision = "published" | "changes_requested" | "declined" | "safeguarding";

/** Append-only (a trigger refuses updates). */
export interface StoryReviewTable {
  id: Generated<number>;
  story_id: number;
  moderator_id: number | null;
  decision: StoryReviewDecision;
  reason: string | null;
  created_at: Generated<Date>;
}

export interface ModeratorStoryCategoryTable {
  member_id: number;
  category: ContentNoteCategory;
}

export interface MemberHiddenContentNoteTable {
  member_id: number;
  category: ContentNoteCategory;
}

export interface StoryPackTable {
  id: Generated<number>;
  campaign_id: number;
  petition_id: number | null;
  ask_id: number | null;
  title: string;
  created_by: number | null;
  created_at: Generated<Date>;
  delivered_at: Date | null;
}

export interface StoryPackStoryTable {
  pack_id: number;
  story_id: number;
  /** Set when the story drops out of the pack after it was made: withdrawn, no longer quotable. */
  withdrawn_at: Date | null;
  /** The story's number in the pack, given when it was made and never shifted (2026-12-08_05). */
  position: number | null;
}

export interface DemandRevisionTable {
  demand_id: number;
  number: number;
  title: string;
  summary: string;
  body: string;
  easy_read: string;
  author_id: number | null;
  note: Generated<string>;
  amendment_id: number | null;
  created_at: Generated<Date>;
}

export interface DemandEventTable {
  id: Generated<number>;
  demand_id: number;
  actor_id: number | null;
  from_stage: DemandStage | null;
  to_stage: DemandStage;
  reason: Generated<string>;
  detail: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
}

/** A member following a demand, campaign, organisation ("demand:12") or topic ("topic:housing"). */
export interface FollowTable {
  subject: string;
  member_id: number;
  created_at: Generated<Date>;
}

export const NOTIFICATION_DELIVERIES = ["immediately", "daily", "weekly", "off"] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

export interface NotificationPreferenceTable {
  member_id: number;
  kind: string;
  delivery: NotificationDelivery;
}

export interface NotificationEventTable {
  id: Generated<number>;
  kind: string;
  subjects: Generated<string[]>;
  recipients: number[] | null;
  excluded: Generated<number[]>;
  actor_id: number | null;
  title: string;
  url: string;
  group_key: string;
  group_title: string;
  template: string;
  props: Json<Record<string, unknown>>;
  cursor_member_id: Generated<number>;
  expanded_at: Date | null;
  created_at: Generated<Date>;
}

export interface NotificationTable {
  id: Generated<number>;
  member_id: number;
  event_id: number;
  kind: string;
  title: string;
  url: string;
  group_key: string;
  group_title: string;
  created_at: Generated<Date>;
  read_at: Date | null;
  digest: "daily" | "weekly" | null;
}

export interface AmendmentTable {
  id: Generated<number>;
  demand_id: number;
  author_id: number | null;
  base_revision: number;
  paragraph_index: number | null;
  original_text: string;
  proposed_text: string;
  rationale: string;
  status: ColumnType<"open" | "accepted" | "declined", "open" | undefined, "open" | "accepted" | "declined">;
  support_count: Generated<number>;
  decided_by: number | null;
  decision_reason: string | null;
  decided_at: Date | null;
  created_at: Generated<Date>;
}

export interface AmendmentSupportTable {
  amendment_id: number;
  member_id: number;
  created_at: Generated<Date>;
}

export type CommentStatus = "visible" | "deleted" | "hidden" | "held";
export interface CommentTable {
  id: Generated<number>;
  demand_id: number;
  amendment_id: number | null;
  parent_id: number | null;
  thread_id: number | null;
  author_id: number | null;
  body: string;
  content_note: string | null;
  status: ColumnType<CommentStatus, CommentStatus | undefined, CommentStatus>;
  moderation_reason: string | null;
  moderated_by: number | null;
  open_reports: Generated<number>;
  created_at: Generated<Date>;
  edited_at: Date | null;
  thread_activity_at: Generated<Date>;
}

export type ReportCategory = "harassment" | "personal_information" | "spam" | "other";

export interface CommentReportTable {
  comment_id: number;
  reporter_id: number;
  /** Null on reports from before reasons were offered. */
  category: ReportCategory | null;
  /** The reporter's optional details ("" when they gave none). */
  reason: string;
  status: ColumnType<"open" | "resolved", "open" | undefined, "open" | "resolved">;
  created_at: Generated<Date>;
}

export interface VoteTable {
  id: Generated<number>;
  demand_id: number;
  member_id: number | null;
  choice: VoteChoice;
  reason: string | null;
  reason_public: Generated<boolean>;
  cast_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Running totals per demand and choice, kept by a trigger on vote; only the live tally reads them. */
export interface VoteCountTable {
  demand_id: number;
  choice: VoteChoice;
  votes: number;
}

export const CAMPAIGN_STATUSES = ["active", "won", "closed"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_EVENT_KINDS = ["started", "update", "petition_delivered", "meeting_held", "response_received", "won", "closed"] as const;
export type CampaignEventKind = (typeof CAMPAIGN_EVENT_KINDS)[number];

export interface CampaignTable {
  id: Generated<number>;
  demand_id: number;
  title: string;
  pitch: string;
  ask: string;
  target: string;
  /** A calendar date (no time), read as "YYYY-MM-DD". */
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<CampaignStatus, CampaignStatus | undefined, CampaignStatus>;
  started_by: number | null;
  created_at: Generated<Date>;
  ended_at: Date | null;
}

export interface CampaignOrganiserTable {
  campaign_id: number;
  member_id: number;
  organisation_id: number | null;
  lead: Generated<boolean>;
  added_at: Generated<Date>;
}

export interface CampaignPartnerTable {
  campaign_id: number;
  organisation_id: number;
  added_at: Generated<Date>;
}

export interface CampaignEventTable {
  id: Generated<number>;
  campaign_id: number;
  kind: CampaignEventKind;
  title: string;
  body: Generated<string>;
  link: string | null;
  happened_on: ColumnType<string, string, string>;
  author_id: number | null;
  created_at: Generated<Date>;
}

export type PetitionStatus = "draft" | "open" | "closed" | "delivered";

export interface PetitionTable {
  id: Generated<number>;
  campaign_id: number;
  slug: string;
  title: string;
  ask: string;
  why: string;
  addressed_to: string;
  goal: number;
  closes_at: Date | null;
  status: ColumnType<PetitionStatus, PetitionStatus | undefined, PetitionStatus>;
  /** Folded from petition_count_delta by a job; never written by a confirmation. */
  signature_count: Generated<number>;
  milestones: Generated<number[]>;
  delivered_note: string | null;
  delivered_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
  opened_at: Date | null;
  closed_at: Date | null;
  /** Confirmed signatures at which the addressed decision makers are asked for a response (2026-12-07_01). */
  response_threshold: number | null;
  /** A second, higher threshold that asks them for a meeting. */
  meeting_threshold: number | null;
  /** When the count fold passed each threshold and asked; set once, never cleared. */
  response_asked_at: Date | null;
  meeting_asked_at: Date | null;
}

/** The directory's decision makers a petition is addressed to (asked when it passes a threshold). */
export interface PetitionTargetTable {
  petition_id: number;
  target_id: number;
}

export interface PetitionSignatureTable {
  id: Generated<number>;
  petition_id: number;
  email: string;
  email_normalised: string;
  name: string;
  outward_code: string | null;
  show_name: boolean;
  campaign_consent: boolean;
  status: ColumnType<"pending" | "confirmed" | "withdrawn" | "invalid", "pending" | undefined, "pending" | "confirmed" | "withdrawn" | "invalid">;
  suspect: Generated<boolean>;
  ip_hash: string | null;
  token_hash: string;
  token_expires_at: Date;
  withdraw_token_hash: string;
  emails_sent: Generated<number>;
  created_at: Generated<Date>;
  confirmed_at: Date | null;
}

export interface PetitionCountDeltaTable {
  id: Generated<number>;
  petition_id: number;
  delta: number;
}

export interface EndorsementTable {
  demand_id: number;
  organisation_id: number;
  statement: string;
  endorsed_by: number | null;
  created_at: Generated<Date>;
  withdrawn_at: Date | null;
}

export const TARGET_ROLES = ["mp", "councillor", "minister", "health_body", "council", "other"] as const;
export type TargetRole = (typeof TARGET_ROLES)[number];

export interface TargetTable {
  id: Generated<number>;
  name: string;
  role: TargetRole;
  body: string;
  email: string;
  email_normalised: string;
  areas: string[];
  everywhere: boolean;
  bounced_at: Date | null;
  bounce_reason: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Where the row came from: typed into the directory, or a representative lookup (see REPRESENTATIVE_LOOKUP). */
  source: Generated<TargetSource>;
  /** The lookup's own id for this person (the Members API's member id); null for directory rows. */
  external_id: string | null;
}

export type TargetSource = "directory" | "uk-parliament";

/** A full postcode's Westminster constituency, as the postcode API gave it, until `expires_at`. */
export interface PostcodeConstituencyTable {
  postcode: string;
  constituency_code: string;
  constituency_name: string;
  fetched_at: Generated<Date>;
  expires_at: Date;
}

/** A constituency's current MP, as the Members API gave it, until `expires_at`; member_id null when the seat has no member. */
export interface ConstituencyRepresentativeTable {
  constituency_code: string;
  constituency_name: string;
  member_id: number | null;
  name: string | null;
  party: string | null;
  email: string | null;
  fetched_at: Generated<Date>;
  expires_at: Date;
}

export type LetterCampaignStatus = "draft" | "open" | "closed";

export interface LetterCampaignTable {
  id: Generated<number>;
  campaign_id: number;
  slug: string;
  title: string;
  ask: string;
  talking_points: string;
  suggested_subject: string;
  guidance: string;
  own_roles: TargetRole[];
  hourly_cap: number;
  window_days: number[];
  window_start: number;
  window_end: number;
  ends_on: ColumnType<string | null, string | null, string | null>;
  test_mode: boolean;
  status: ColumnType<LetterCampaignStatus, LetterCampaignStatus | undefined, LetterCampaignStatus>;
  created_by: number | null;
  created_at: Generated<Date>;
  opened_at: Date | null;
  closed_at: Date | null;
}

export interface LetterCampaignTargetTable {
  letter_campaign_id: number;
  target_id: number;
}

export interface LetterTable {
  id: Generated<number>;
  letter_campaign_id: number;
  name: string | null;
  email: string | null;
  email_normalised: string | null;
  postcode: string | null;
  outward_code: string | null;
  subject: string | null;
  opening: string | null;
  personal: string | null;
  own_words: ColumnType<string, never, never>;
  /** The opening and personal words as comparableWords() gives them, for the near-duplicate check; null once the words are deleted. */
  comparable_words: string | null;
  status: ColumnType<"pending" | "confirmed", "pending" | undefined, "pending" | "confirmed">;
  token_hash: string | null;
  token_expires_at: Date;
  ip_hash: string | null;
  created_at: Generated<Date>;
  confirmed_at: Date | null;
  words_deleted_at: Date | null;
  anonymised_at: Date | null;
  /** The writer asked to be emailed when decision makers respond to the campaign; cleared when they stop or are anonymised. */
  campaign_consent: Generated<boolean>;
}

export const LETTER_MESSAGE_STATES = ["unconfirmed", "queued", "held", "sent", "failed", "rejected"] as const;
export type LetterMessageStatus = (typeof LETTER_MESSAGE_STATES)[number];
export const REPLY_OUTCOMES = ["yes", "not_yet", "no", "unsatisfactory"] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];

export interface LetterMessageTable {
  id: Generated<number>;
  letter_id: number;
  letter_campaign_id: number;
  target_id: number;
  status: ColumnType<LetterMessageStatus, LetterMessageStatus | undefined, LetterMessageStatus>;
  similarity: number | null;
  email_id: number | null;
  test: Generated<boolean>;
  created_at: Generated<Date>;
  queued_at: Date | null;
  sent_at: Date | null;
  failure: string | null;
  followup_sent_at: Date | null;
  reminder_sent_at: Date | null;
  reply_outcome: ReplyOutcome | null;
  replied_at: Date | null;
  reply_summary: string | null;
  summary_may_publish: Generated<boolean>;
  summary_published_at: Date | null;
}

export const ASK_STATUSES = ["asked", "responded", "committed", "delivered", "declined", "no_response", "broken"] as const;
export type AskStatus = (typeof ASK_STATUSES)[number];
export const ASK_CHANNELS = ["letter_campaign", "petition", "meeting", "other"] as const;
export type AskChannel = (typeof ASK_CHANNELS)[number];
export type AskThreshold = "response" | "meeting";

/**
 * What a campaign asked one decision maker (2026-12-07_01). `status`, `status_on` and `summary` copy
 * the newest ask_status_change, for filtering; the history itself is append-only.
 */
export interface AskTable {
  id: Generated<number>;
  campaign_id: number;
  target_id: number;
  request: string;
  channel: AskChannel;
  letter_campaign_id: number | null;
  petition_id: number | null;
  link: string | null;
  /** A calendar date, read as "YYYY-MM-DD". */
  asked_on: ColumnType<string, string, string>;
  /** Set when a petition threshold asked automatically. */
  threshold: AskThreshold | null;
  status: ColumnType<AskStatus, AskStatus | undefined, AskStatus>;
  status_on: ColumnType<string, string, string>;
  summary: Generated<string>;
  /** Bumped each time a response link is sent: older links stop working. */
  response_link_version: Generated<number>;
  response_link_sent_at: Date | null;
  response_link_expires_at: Date | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export type AskChangeSource = "organiser" | "decision_maker" | "automatic";

/** One dated step in an ask's history; a trigger refuses updates. */
export interface AskStatusChangeTable {
  id: Generated<number>;
  ask_id: number;
  status: AskStatus;
  summary: Generated<string>;
  happened_on: ColumnType<string, string, string>;
  source: AskChangeSource;
  actor_id: number | null;
  created_at: Generated<Date>;
}

/** A decision maker's answer, in their words: through the response link, or entered by an organiser. */
export interface AskResponseTable {
  id: Generated<number>;
  ask_id: number;
  body: string;
  via: "link" | "organiser";
  /** Who answered, as published ("Rt Hon Jo Bloggs MP", "the Minister's private office"). */
  responder: string;
  /** Where an organiser got it ("Letter by post", "Meeting notes"); null through the link. */
  source: string | null;
  received_on: ColumnType<string, string, string>;
  entered_by: number | null;
  created_at: Generated<Date>;
}

/**
 * Running tallies per decision maker (2026-12-07_03), kept by triggers on letter_message, ask and
 * ask_response: "letters_sent", "reply_<outcome>", "ask_<status>", "responses". Read-only here.
 */
export interface DecisionMakerTallyTable {
  target_id: number;
  measure: string;
  n: number;
}

export interface EmailSuppressionTable {
  address: string;
  reason: "bounced" | "complained";
  detail: string | null;
  created_at: Generated<Date>;
}

export interface WebhookDeliveryTable {
  id: string;
  received_at: Generated<Date>;
}

export const EVENT_KINDS = ["meeting", "workshop", "lobby_day", "assembly", "social"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_FORMATS = ["in_person", "online", "hybrid"] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
export type EventHostKind = "coalition" | "organisation" | "campaign";
export type EventStatus = "draft" | "published" | "cancelled";
export type RegistrationStatus = "pending" | "registered" | "waiting" | "cancelled";
export const ACCESS_NEEDS = ["step_free", "bsl", "captions", "hearing_loop", "quiet_room", "breaks", "easy_read", "support_worker", "dietary"] as const;
export type AccessNeed = (typeof ACCESS_NEEDS)[number];

export interface EventTable {
  id: Generated<number>;
  /** A lobby day's local events point at the lobby day. */
  parent_id: number | null;
  title: string;
  purpose: string;
  audience_note: string;
  kind: EventKind;
  format: EventFormat;
  address: string | null;
  access_notes: string | null;
  /** Shown only to people with a place (and to hosts). */
  join_url: string | null;
  region: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: Generated<string>;
  registration_closes_at: Timestamp;
  /** Null: no limit. */
  capacity: number | null;
  registered_count: Generated<number>;
  visibility: Generated<"public" | "members">;
  host_kind: EventHostKind;
  organisation_id: number | null;
  campaign_id: number | null;
  status: Generated<EventStatus>;
  sequence: Generated<number>;
  payment_pence: number | null;
  travel_expenses: Generated<boolean>;
  agenda: string | null;
  agenda_easy_read: string | null;
  minutes: string | null;
  attended_count: number | null;
  reminders_sent_at: Timestamp | null;
  access_needs_deleted_at: Timestamp | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: Timestamp | null;
}
export type EventRow = Selectable<EventTable>;

export interface EventRegistrationTable {
  id: Generated<number>;
  event_id: number;
  member_id: number | null;
  name: string;
  email: string | null;
  email_normalised: string | null;
  status: RegistrationStatus;
  queued_at: Timestamp | null;
  expert_by_experience: Generated<boolean>;
  claims_travel: Generated<boolean>;
  attended: boolean | null;
  confirm_token_hash: string | null;
  confirm_expires_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Health-adjacent: read only by hosts' queries, deleted 30 days after the event. */
export interface EventAccessNeedTable {
  registration_id: number;
  needs: ColumnType<AccessNeed[], AccessNeed[] | undefined, AccessNeed[]>;
  dietary: string | null;
  other: string | null;
  created_at: Generated<Date>;
}

export interface EventOutcomeTable {
  id: Generated<number>;
  event_id: number;
  demand_id: number | null;
  amendment_id: number | null;
  campaign_id: number | null;
  note: string | null;
  created_at: Generated<Date>;
}

/** A local event's meeting booked with a decision maker from the directory (a lobby day counts them by region). */
export interface EventMeetingTable {
  event_id: number;
  target_id: number;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface EventCalendarFeedTable {
  member_id: number;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export const DATE_POLL_ANSWERS = ["yes", "if_need_be", "no"] as const;
export type DatePollAnswer = (typeof DATE_POLL_ANSWERS)[number];
export type DatePollAudience = "campaign" | "organisation" | "coalition";

/** A draft event's date poll: open until a host picks one of its options. */
export interface EventDatePollTable {
  event_id: number;
  audience: DatePollAudience;
  opened_by: number | null;
  opened_at: Generated<Date>;
  chosen_option_id: number | null;
  closed_at: Timestamp | null;
}

export interface EventDateOptionTable {
  id: Generated<number>;
  event_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

/** Who may answer a poll, written down when it opens. */
export interface EventDateInviteeTable {
  event_id: number;
  member_id: number;
}

export interface EventDateAnswerTable {
  option_id: number;
  member_id: number;
  answer: DatePollAnswer;
  answered_at: Generated<Date>;
}

export interface DB {
  rate_limit_bucket: RateLimitBucketTable;
  email: EmailTable;
  outbox_message: OutboxMessageTable;
  member: MemberTable;
  member_role: MemberRoleTable;
  session: SessionTable;
  email_token: EmailTokenTable;
  consent: ConsentTable;
  member_perspective: MemberPerspectiveTable;
  organisation: OrganisationTable;
  organisation_membership: OrganisationMembershipTable;
  organisation_invitation: OrganisationInvitationTable;
  organisation_join_request: OrganisationJoinRequestTable;
  audit_event: AuditEventTable;
  demand: DemandTable;
  demand_author: DemandAuthorTable;
  demand_author_invitation: DemandAuthorInvitationTable;
  demand_source: DemandSourceTable;
  demand_revision: DemandRevisionTable;
  story: StoryTable;
  story_demand: StoryDemandTable;
  story_audience_campaign: StoryAudienceCampaignTable;
  story_consent_event: StoryConsentEventTable;
  story_review: StoryReviewTable;
  moderator_story_category: ModeratorStoryCategoryTable;
  member_hidden_content_note: MemberHiddenContentNoteTable;
  story_pack: StoryPackTable;
  story_pack_story: StoryPackStoryTable;
  demand_event: DemandEventTable;
  follow: FollowTable;
  notification_preference: NotificationPreferenceTable;
  notification_event: NotificationEventTable;
  notification: NotificationTable;
  amendment: AmendmentTable;
  amendment_support: AmendmentSupportTable;
  comment: CommentTable;
  comment_report: CommentReportTable;
  vote: VoteTable;
  vote_count: VoteCountTable;
  endorsement: EndorsementTable;
  campaign: CampaignTable;
  campaign_organiser: CampaignOrganiserTable;
  campaign_partner: CampaignPartnerTable;
  campaign_event: CampaignEventTable;
  petition: PetitionTable;
  petition_signature: PetitionSignatureTable;
  petition_count_delta: PetitionCountDeltaTable;
  petition_target: PetitionTargetTable;
  ask: AskTable;
  ask_status_change: AskStatusChangeTable;
  ask_response: AskResponseTable;
  decision_maker_tally: DecisionMakerTallyTable;
  target: TargetTable;
  postcode_constituency: PostcodeConstituencyTable;
  constituency_representative: ConstituencyRepresentativeTable;
  letter_campaign: LetterCampaignTable;
  letter_campaign_target: LetterCampaignTargetTable;
  letter: LetterTable;
  letter_message: LetterMessageTable;
  email_suppression: EmailSuppressionTable;
  webhook_delivery: WebhookDeliveryTable;
  event: EventTable;
  event_registration: EventRegistrationTable;
  event_access_need: EventAccessNeedTable;
  event_meeting: EventMeetingTable;
  event_outcome: EventOutcomeTable;
  event_calendar_feed: EventCalendarFeedTable;
  event_date_poll: EventDatePollTable;
  event_date_option: EventDateOptionTable;
  event_date_invitee: EventDateInviteeTable;
  event_date_answer: EventDateAnswerTable;
}
