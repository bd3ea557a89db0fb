import type { Database } from "../../db";
import type { ReportCategory } from "../../db/schema";
import { getComment, insertComment, recordReport, markCommentDeleted, updateCommentBody } from "~/models/comment.server";
import { followDemand, getDemandTitle } from "~/models/demand.server";
import { listModeratorIds } from "~/models/member.server";
import { notifyFollowers, notifyMembers } from "./notifications.server";

/**
 * Posts a comment: the writer follows the demand from now on, and the author of the comment it
 * replies to is told (without the reply's words: they stay on Chorus, not in mail providers' hands).
 */
export async function postComment(
  db: Database,
  author: { id: number; displayName: string },
  comment: { demandId: number; amendmentId: number | null; parentId: number | null; body: string; contentNote: string | null; url: string },
) {
  return db.transaction().execute(async (trx) => {
    const id = await insertComment(trx, { demandId: comment.demandId, amendmentId: comment.amendmentId, parentId: comment.parentId, authorId: author.id, body: comment.body, contentNote: comment.contentNote });
    if (!id) return null;
    await followDemand(trx, comment.demandId, author.id);
    const parent = comment.parentId ? await getComment(trx, comment.parentId) : undefined;
    const demand = await getDemandTitle(trx, comment.demandId);
    const toldAsReply = parent?.author_id && parent.author_id !== author.id ? parent.author_id : null;
    // Everyone following the demand (a digest by default); the parent's author hears of it as a reply instead.
    await notifyFollowers(trx, [`demand:${comment.demandId}`], {
      kind: "new_comment",
      title: `${author.displayName} commented on ${demand.title}`,
      url: `${comment.url}#comment-${id}`,
      action: "Read the discussion",
      group: { key: `demand:${comment.demandId}`, title: demand.title },
      reason: "You get this because you follow this demand.",
      actorId: author.id,
      excluded: toldAsReply ? [toldAsReply] : [],
    });
    if (toldAsReply) {
      await notifyMembers(trx, [toldAsReply], {
        kind: "comment_reply",
        title: `${author.displayName} replied to your comment on ${demand.title}`,
        url: `${comment.url}#comment-${id}`,
        action: "Read the reply",
        group: { key: `demand:${comment.demandId}`, title: demand.title },
        reason: "You get this because someone replied to your comment.",
        actorId: author.id,
      });
    }
    return id;
  });
}

/** Records a report (what is wrong, and the reporter's details); moderators (and admins) are told that reports are waiting. */
export async function reportCommentToModerators(db: Database, commentId: number, reporterId: number, report: { category: ReportCategory; details: string }) {
  return db.transaction().execute(async (trx) => {
    const result = await recordReport(trx, commentId, reporterId, report.details, report.category);
    if (result.recorded) {
      await notifyMembers(
        trx,
        await listModeratorIds(trx),
        {
          kind: "reports_waiting",
          title: "A comment was reported and is waiting for a moderator",
          url: "/admin/moderation",
          action: "Open moderation",
          group: { key: "moderation", title: "Moderation" },
          reason: "You get this because you are a moderator.",
          actorId: reporterId,
        },
      );
    }
    return result;
  });
}

/** A member deletes their own comment: a placeholder stays so replies keep their place. */
export function deleteOwnComment(db: Database, commentId: number, memberId: number) {
  return markCommentDeleted(db, commentId, memberId);
}

/** A member edits their own comment; false once its 15 minutes are over. */
export function editOwnComment(db: Database, commentId: number, memberId: number, body: string, contentNote: string | null) {
  return updateCommentBody(db, commentId, memberId, body, contentNote);
}
