import { sql, type Kysely } from "kysely";
import PgBoss from "pg-boss";

export async function up(db: Kysely<any>): Promise<void> {
  // pg-boss's own tables, created here so the job schema exists before any feature queues a job
  // (and is copied into every test database's template).
  await sql.raw(PgBoss.getConstructionPlans("pgboss")).execute(db);

  await db.schema
    .createTable("rate_limit_bucket")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_started_at", "timestamptz", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("email")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    // Template props are cleared once sent: they can hold one-time links that must not outlive delivery.
    .addColumn("props", "jsonb")
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("queued").check(sql`status in ('queued', 'sent', 'failed')`))
    .addColumn("subject", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("provider_message_id", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .execute();
  await db.schema.createIndex("email_status_created_idx").on("email").columns(["status", "created_at"]).execute();

  await db.schema
    .createTable("outbox_message")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("email_id", "bigint", (c) => c.references("email.id").onDelete("cascade").unique())
    .addColumn("from_address", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("reply_to", "text")
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("html", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("headers", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("outbox_message_to_idx").on("outbox_message").columns(["to_address", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("outbox_message").execute();
  await db.schema.dropTable("email").execute();
  await db.schema.dropTable("rate_limit_bucket").execute();
  await sql`drop schema if exists pgboss cascade`.execute(db);
}
