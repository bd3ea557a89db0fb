import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * The typed shape of the database, written by hand next to the migrations (one way, stated in the
 * README): a migration that changes a table changes its interface here in the same commit.
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
export type EmailTokenPurpose = "verify_email" | "sign_in" | "reset_password" | "change_email";

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

export interface OrganisationTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: OrganisationKind;
  description: Generated<string>;
  website: string | null;
  status: ColumnType<"pending" | "verified", "pending" | "verified" | undefined>;
  verified_at: Date | null;
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
}
