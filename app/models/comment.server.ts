import { sql } from "kysely";
import type { Database } from "../../db";
import type { ReportCategory } from "../../db/schema";

// 25 threads (with their replies) a page: enough to read on a phone, and half the rendering of 50.
export const COMMENT_PAGE_SIZE = 25;
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;
export const AUTO_HIDE_REPORTS = 3;

export async function insertComment(
  db: Database,
  comment: { demandId: number; amendmentId: number | null; parentId: number | null; authorId: number; body: string; contentNote: string | null },
) {
  let threadId: number | null = null;
  if (comment.parentId) {
    const parent = await db.selectFrom("comment").select(["thread_id", "id", "demand_id", "amendment_id"]).where("id", "=", comment.parentId).executeTakeFirst();
    if (!parent || parent.demand_id !== comment.demandId || parent.amendment_id !== comment.amendmentId) return null;
    threadId = parent.thread_id ?? parent.id;
  }
  const row = await db
    .insertInto("comment")
    .values({
      demand_id: comment.demandId,
      amendment_id: comment.amendmentId,
      parent_id: comment.parentId,
      thread_id: threadId,
      author_id: comment.authorId,
      body: comment.body,
      content_note: comment.contentNote,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (threadId) await db.updateTable("comment").set({ thread_activity_at: new Date() }).where("id", "=", threadId).execute();
  else await db.updateTable("comment").set({ thread_id: row.id }).where("id", "=", row.id).execute();
  await db.updateTable("demand").set({ last_activity_at: new Date() }).where("id", "=", comment.demandId).execute();
  return row.id;
}

export function getComment(db: Database, id: number) {
  return db.selectFrom("comment").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * What a discussion page may publish. A hidden or held comment's text and content note never leave
 * the database here (they would travel in the page's data even if the HTML left them out); only
 * the moderation queue reads them.
 */
const commentColumns = [
  "comment.id",
  "comment.parent_id",
  "comment.thread_id",
  "comment.author_id",
  sql<string>`case when comment.status = 'visible' then comment.body else '' end`.as("body"),
  sql<string | null>`case when comment.status = 'visible' then comment.content_note end`.as("content_note"),
  "comment.status",
  "comment.moderation_reason",
  "comment.created_at",
  "comment.edited_at",
  "member.display_name as author_name",
  "member.deleted_at as author_deleted_at",
] as const;

/**
 * One page of threads (50 first comments) and all their replies: two queries whatever the size of
 * the discussion. Amendment discussions pass `amendmentId`.
 */
export async function listCommentThreads(db: Database, options: { demandId: number; amendmentId?: number; order: "activity" | "oldest"; page: number }) {
  const roots = await db
    .selectFrom("comment")
    .leftJoin("member", "member.id", "comment.author_id")
    .select(commentColumns)
    .where("comment.demand_id", "=", options.demandId)
    .where("comment.parent_id", "is", null)
    .$if(options.amendmentId === undefined, (qb) => qb.where("comment.amendment_id", "is", null))
    .$if(options.amendmentId !== undefined, (qb) => qb.where("comment.amendment_id", "=", options.amendmentId!))
    .$if(options.order === "activity", (qb) => qb.orderBy("comment.thread_activity_at", "desc").orderBy("comment.id", "desc"))
    .$if(options.order === "oldest", (qb) => qb.orderBy("comment.id", "asc"))
    .limit(COMMENT_PAGE_SIZE + 1)
    .offset((options.page - 1) * COMMENT_PAGE_SIZE)
    .execute();
  const page = roots.slice(0, COMMENT_PAGE_SIZE);
  const replies = page.length
    ? await db
        .selectFrom("comment")
        .leftJoin("member", "member.id", "comment.author_id")
        .select(commentColumns)
        .where("comment.thread_id", "in", page.map((r) => r.id))
        .where("comment.parent_id", "is not", null)
        .orderBy("comment.id")
        .limit(2000)
        .execute()
    : [];
  return { roots: page, replies, hasMore: roots.length > COMMENT_PAGE_SIZE };
}

export async function updateCommentBody(db: Database, id: number, authorId: number, body: string, contentNote: string | null) {
  const row = await db
    .updateTable("comment")
    .set({ body, content_note: contentNote, edited_at: new Date() })
    .where("id", "=", id)
    .where("author_id", "=", authorId)
    .where("status", "=", "visible")
    .where("created_at", ">", new Date(Date.now() - COMMENT_EDIT_WINDOW_MS))
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

export async function markCommentDeleted(db: Database, id: number, authorId: number) {
  const row = await db
    .updateTable("comment")
    .set({ status: "deleted", body: "", content_note: null })
    .where("id", "=", id)
    .where("author_id", "=", authorId)
    .where("status", "in", ["visible", "held"])
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Records a report (one per member per comment) and counts open reports; at three different
 * reporters the comment is held (hidden) until a moderator reviews it. Returns whether it was held now.
 */
export async function reportComment(db: Database, commentId: number, reporterId: number, reason: string, category: ReportCategory | null = null) {
  // The report and the count it feeds commit together, or neither does.
  return db.transaction().execute((trx) => recordReport(trx, commentId, reporterId, reason, category));
}

/** A report and the count it feeds, in the caller's transaction. `reason` is the reporter's details ("" if none). */
export async function recordReport(db: Database, commentId: number, reporterId: number, reason: string, category: ReportCategory | null = null) {
  const inserted = await db
    .insertInto("comment_report")
    .values({ comment_id: commentId, reporter_id: reporterId, reason, category })
    .onConflict((oc) => oc.doNothing())
    .returning("comment_id")
    .executeTakeFirst();
  if (!inserted) return { recorded: false, held: false };
  const row = await db
    .updateTable("comment")
    .set((eb) => ({
      open_reports: eb("open_reports", "+", 1),
      status: sql`case when status = 'visible' and open_reports + 1 >= ${AUTO_HIDE_REPORTS} then 'held' else status end`,
    }))
    .where("id", "=", commentId)
    .returning(["status", "open_reports"])
    .executeTakeFirstOrThrow();
  return { recorded: true, held: row.status === "held" && row.open_reports === AUTO_HIDE_REPORTS };
}

/**
 * The author of a hidden comment asks for a second look: recorded as their "report" (one per comment),
 * which puts the comment back in the moderation queue. The comment stays hidden until then.
 */
export async function requestCommentReview(db: Database, commentId: number, authorId: number, message: string) {
  return db.transaction().execute((trx) => recordReport(trx, commentId, authorId, `Review asked for by the author: ${message}`));
}

/** Who wrote a comment, and on which demand (for telling them a moderator hid it). */
export function getCommentAuthor(db: Database, commentId: number) {
  return db
    .selectFrom("comment")
    .innerJoin("demand", "demand.id", "comment.demand_id")
    .select(["demand.id as demandId", "demand.title as demandTitle", "comment.author_id as authorId"])
    .where("comment.id", "=", commentId)
    .executeTakeFirst();
}

/** Which of these comments this member has reported (so the page says so in place of "Report"). */
export async function listCommentsReportedBy(db: Database, memberId: number, commentIds: number[]) {
  if (commentIds.length === 0) return [];
  const rows = await db.selectFrom("comment_report").select("comment_id").where("reporter_id", "=", memberId).where("comment_id", "in", commentIds).execute();
  return rows.map((r) => Number(r.comment_id));
}

export function listReportedComments(db: Database) {
  return db
    .selectFrom("comment")
    .leftJoin("member", "member.id", "comment.author_id")
    .innerJoin("demand", "demand.id", "comment.demand_id")
    .select([
      "comment.id",
      "comment.body",
      "comment.status",
      "comment.open_reports",
      "comment.demand_id",
      "demand.title as demand_title",
      "member.display_name as author_name",
      (eb) =>
        eb
          .selectFrom("comment_report")
          .select(sql<Array<{ category: ReportCategory | null; reason: string }>>`json_agg(json_build_object('category', category, 'reason', reason) order by created_at)`.as("r"))
          .whereRef("comment_report.comment_id", "=", "comment.id")
          .where("comment_report.status", "=", "open")
          .as("reasons"),
    ])
    .where("comment.open_reports", ">", 0)
    .orderBy("comment.id")
    .limit(100)
    .execute();
}

/** A moderator's decision: hide (with a public reason), restore, or dismiss the reports. */
export async function moderateComment(db: Database, commentId: number, moderatorId: number, decision: "hide" | "restore" | "dismiss", reason: string | null) {
  const status = decision === "hide" ? "hidden" : "visible";
  const row = await db
    .updateTable("comment")
    .set({ status, moderation_reason: decision === "hide" ? reason : null, moderated_by: moderatorId, open_reports: 0 })
    .where("id", "=", commentId)
    .where("status", "!=", "deleted")
    .returning("id")
    .executeTakeFirst();
  if (row) await db.updateTable("comment_report").set({ status: "resolved" }).where("comment_id", "=", commentId).execute();
  return Boolean(row);
}
