import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("demand")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("easy_read", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("topics", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("organisation_id", "bigint", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("created_by", "bigint", (c) => c.references("member.id").onDelete("set null"))
    .addColumn("stage", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`stage in ('draft', 'consultation', 'voting', 'adopted', 'not_adopted', 'campaigning', 'won', 'closed', 'withdrawn')`),
    )
    .addColumn("current_revision", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("consultation_ends_at", "timestamptz")
    .addColumn("voting_opened_at", "timestamptz")
    .addColumn("voting_ends_at", "timestamptz")
    .addColumn("decision_rule", "text", (c) => c.check(sql`decision_rule in ('simple_majority', 'two_thirds', 'lived_experience_double_majority')`))
    .addColumn("quorum", "integer")
    .addColumn("live_results", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("outcome", "jsonb")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_activity_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("search", sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B') || setweight(to_tsvector('english', body), 'C')`).stored(),
    )
    .execute();
  await sql`create index demand_search_idx on demand using gin (search)`.execute(db);
  await sql`create index demand_topics_idx on demand using gin (topics)`.execute(db);
  await db.schema.createIndex("demand_stage_idx").on("demand").columns(["stage", "created_at"]).execute();
  await db.schema.createIndex("demand_voting_due_idx").on("demand").column("voting_ends_at").where(sql.ref("stage"), "=", "voting").execute();

  await db.schema
    .createTable("demand_author")
    .addColumn("demand_id", "bigint", (c) => c.notNull().references("demand.id").onDelete("cascade"))
    .addColumn("member_id", "bigint", (c) => c.notNull().references("member.id").onDelete("cascade"))
    .addColumn("lead", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("added_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("demand_author_pk", ["demand_id", "member_id"])
    .execute();
  await db.schema.createIndex("demand_author_member_idx").on("demand_author").column("member_id").execute();

  await db.schema
    .createTable("demand_revision")
    .addColumn("demand_id", "bigint", (c) => c.notNull().references("demand.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("easy_read", "text", (c) => c.notNull())
    .addColumn("author_id", "bigint", (c) => c.references("member.id").onDelete("set null"))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("amendment_id", "bigint")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("demand_revision_pk", ["demand_id", "number"])
    .execute();

  await db.schema
    .createTable("demand_event")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("demand_id", "bigint", (c) => c.notNull().references("demand.id").onDelete("cascade"))
    .addColumn("actor_id", "bigint", (c) => c.references("member.id").onDelete("set null"))
    .addColumn("from_stage", "text")
    .addColumn("to_stage", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("detail", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("demand_event_demand_idx").on("demand_event").columns(["demand_id", "id"]).execute();

  await db.schema
    .createTable("demand_follow")
    .addColumn("demand_id", "bigint", (c) => c.notNull().references("demand.id").onDelete("cascade"))
    .addColumn("member_id", "bigint", (c) => c.notNull().references("member.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("demand_follow_pk", ["demand_id", "member_id"])
    .execute();

  await db.schema
    .createTable("amendment")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("demand_id", "bigint", (c) => c.notNull().references("demand.id").onDelete("cascade"))
    .addColumn("author_id", "bigint", (c) => c.references("member.id").onDelete("set null"))
    .addColumn("base_revision", "integer", (c) => c.notNull())
    // null: the whole text; otherwise the index of the paragraph (blank-line separated) it replaces.
    .addColumn("paragraph_index", "integer")
    .addColumn("original_text", "text", (c) => c.notNull())
    .addColumn("proposed_text", "text", (c) => c.notNull())
    .addColumn("rationale", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open', 'accepted', 'declined')`))
    .addColumn("support_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("decided_by", "bigint", (c) => c.references("member.id").onDelete("set null"))
    .addColumn("decision_reason", "text")
    .addColumn("decided_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("amendment_demand_idx").on("amendment").columns(["demand_id", "status"]).execute();

  await db.schema
    .createTable("amendment_support")
    .addColumn("amendment_id", "bigint", (c) => c.notNull().references("amendment.id").onDelete("cascade"))
    .addColumn("member_id", "bigint", (c) => c.notNull().references("member.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("amendment_support_pk", ["amendment_id", "member_id"])
    .execute();

  await db.schema
    .createTable("comment")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("demand_id", "bigint", (c) => c.notNull().references("demand.id").onDelete("cascade"))
    .addColumn("amendment_id", "bigint", (c) => c.references("amendment.id").onDelete("cascade"))
    .addColumn("parent_id", "bigint", (c) => c.references("comment.id").onDelete("cascade"))
    .addColumn("thread_id", "bigint")
    .addColumn("author_id", "bigint", (c) => c.references("member.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("content_note", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("visible").check(sql`status in ('visible', 'deleted', 'hidden', 'held')`))
    .addColumn("moderation_reason", "text")
    .addColumn("moderated_by", "bigint", (c) => c.references("member.id").onDelete("set null"))
    .addColumn("open_reports", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("edited_at", "timestamptz")
    // On a thread's first comment: when anything in the thread last happened (for "newest activity").
    .addColumn("thread_activity_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index comment_threads_idx on comment (demand_id, thread_activity_at desc, id desc) where parent_id is null and amendment_id is null`.execute(db);
  await sql`create index comment_threads_oldest_idx on comment (demand_id, id) where parent_id is null and amendment_id is null`.execute(db);
  await db.schema.createIndex("comment_thread_idx").on("comment").columns(["thread_id", "id"]).execute();
  await sql`create index comment_amendment_idx on comment (amendment_id, id) where amendment_id is not null`.execute(db);
  await sql`create index comment_reported_idx on comment (id) where open_reports > 0`.execute(db);

  await db.schema
    .createTable("comment_report")
    .addColumn("comment_id", "bigint", (c) => c.notNull().references("comment.id").onDelete("cascade"))
    .addColumn("reporter_id", "bigint", (c) => c.notNull().references("member.id").onDelete("cascade"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open', 'resolved')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("comment_report_pk", ["comment_id", "reporter_id"])
    .execute();

  await db.schema
    .createTable("vote")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("demand_id", "bigint", (c) => c.notNull().references("demand.id").onDelete("cascade"))
    // Set to null when the member deletes their account: the vote still counts, linked to no one.
    .addColumn("member_id", "bigint", (c) => c.references("member.id").onDelete("set null"))
    .addColumn("choice", "text", (c) => c.notNull().check(sql`choice in ('support', 'oppose', 'abstain')`))
    .addColumn("reason", "text")
    .addColumn("reason_public", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("cast_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("vote_one_per_member", ["demand_id", "member_id"])
    .execute();
  await db.schema.createIndex("vote_demand_choice_idx").on("vote").columns(["demand_id", "choice"]).execute();

  await db.schema
    .createTable("endorsement")
    .addColumn("demand_id", "bigint", (c) => c.notNull().references("demand.id").onDelete("cascade"))
    .addColumn("organisation_id", "bigint", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("statement", "text", (c) => c.notNull())
    .addColumn("endorsed_by", "bigint", (c) => c.references("member.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("withdrawn_at", "timestamptz")
    .addPrimaryKeyConstraint("endorsement_pk", ["demand_id", "organisation_id"])
    .execute();
  await db.schema.createIndex("endorsement_organisation_idx").on("endorsement").column("organisation_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["endorsement", "vote", "comment_report", "comment", "amendment_support", "amendment", "demand_follow", "demand_event", "demand_revision", "demand_author", "demand"]) {
    await db.schema.dropTable(table).execute();
  }
}
