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

export interface DB {
  rate_limit_bucket: RateLimitBucketTable;
  email: EmailTable;
  outbox_message: OutboxMessageTable;
}
