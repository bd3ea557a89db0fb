import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("member")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // Null once the account is deleted; contributions stay, shown as "Former member".
    .addColumn("email", "text", (c) => c.unique())
    .addColumn("email_verified_at", "timestamptz")
    .addColumn("notification_email", "text")
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("bio", "text")
    .addColumn("pronouns", "text")
    .addColumn("password_hash", "text")
    .addColumn("confirmed_adult_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("deleted_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("member_role")
    .addColumn("member_id", "bigint", (c) => c.notNull().references("member.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('admin', 'moderator')`))
    .addColumn("granted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("member_role_pk", ["member_id", "role"])
    .execute();

  await db.schema
    .createTable("session")
    // The SHA-256 of the cookie's token, hex: a database leak reveals no usable session.
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("member_id", "bigint", (c) => c.notNull().references("member.id").onDelete("cascade"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("device", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("session_member_idx").on("session").column("member_id").execute();

  await db.schema
    .createTable("email_token")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('verify_email', 'sign_in', 'reset_password', 'change_email')`))
    .addColumn("member_id", "bigint", (c) => c.notNull().references("member.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    // A join's chosen name and password travel with its own verification link and are applied only when
    // that link is used, so someone who joins first with another person's email cannot set their password.
    .addColumn("pending_display_name", "text")
    .addColumn("pending_password_hash", "text")
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("email_token_member_idx").on("email_token").columns(["member_id", "purpose"]).execute();

  await db.schema
    .createTable("consent")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("member_id", "bigint", (c) => c.notNull().references("member.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('terms', 'perspectives')`))
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("given_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("withdrawn_at", "timestamptz")
    .execute();
  await db.schema.createIndex("consent_member_idx").on("consent").columns(["member_id", "kind"]).execute();

  await db.schema
    .createTable("member_perspective")
    .addColumn("member_id", "bigint", (c) => c.notNull().references("member.id").onDelete("cascade"))
    .addColumn("perspective", "text", (c) =>
      c.notNull().check(sql`perspective in ('lived_experience', 'carer_family', 'practitioner', 'researcher', 'supporter')`),
    )
    .addPrimaryKeyConstraint("member_perspective_pk", ["member_id", "perspective"])
    .execute();

  await db.schema
    .createTable("organisation")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('service_user_led', 'professional_body', 'charity', 'academic', 'other')`),
    )
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("website", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending', 'verified')`))
    .addColumn("verified_at", "timestamptz")
    .addColumn("created_by", "bigint", (c) => c.references("member.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index organisation_name_lower_idx on organisation (lower(name))`.execute(db);

  await db.schema
    .createTable("organisation_membership")
    .addColumn("organisation_id", "bigint", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("member_id", "bigint", (c) => c.notNull().references("member.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('admin', 'member')`))
    .addColumn("listed", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("joined_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("organisation_membership_pk", ["organisation_id", "member_id"])
    .execute();
  await db.schema.createIndex("organisation_membership_member_idx").on("organisation_membership").column("member_id").execute();

  await db.schema
    .createTable("organisation_invitation")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("organisation_id", "bigint", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("invited_by", "bigint", (c) => c.references("member.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .addColumn("accepted_by", "bigint", (c) => c.references("member.id").onDelete("set null"))
    .execute();

  await db.schema
    .createTable("organisation_join_request")
    .addColumn("organisation_id", "bigint", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("member_id", "bigint", (c) => c.notNull().references("member.id").onDelete("cascade"))
    .addColumn("message", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("organisation_join_request_pk", ["organisation_id", "member_id"])
    .execute();

  await db.schema
    .createTable("audit_event")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("actor_id", "bigint", (c) => c.references("member.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "bigint")
    .addColumn("detail", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "audit_event",
    "organisation_join_request",
    "organisation_invitation",
    "organisation_membership",
    "organisation",
    "member_perspective",
    "consent",
    "email_token",
    "session",
    "member_role",
    "member",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
