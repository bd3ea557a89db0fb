import type { Database } from "../../db";
import { recordAuditEvent } from "~/models/audit.server";
import { getCommentAuthor, moderateComment } from "~/models/comment.server";
import { getAppUrl } from "~/utils/env.server";
import { emailMember } from "./notifications.server";

export type ModerationDecision = "hide" | "restore" | "dismiss";

/**
 * A moderator's decision on a reported comment, in one transaction: the comment changes, the
 * decision is audited, and when it is hidden its author hears why and how to ask for a review.
 * Returns false (nothing changed, nothing audited) for an unknown or deleted comment.
 */
export async function decideOnReportedComment(db: Database, moderatorId: number, commentId: number, decision: ModerationDecision, reason: string) {
  return db.transaction().execute(async (trx) => {
    if (!(await moderateComment(trx, commentId, moderatorId, decision, decision === "hide" ? reason : null))) return false;
    await recordAuditEvent(trx, { actorId: moderatorId, action: `comment.${decision}`, subjectType: "comment", subjectId: commentId, detail: decision === "hide" ? { reason } : {} });
    if (decision === "hide") {
      const about = await getCommentAuthor(trx, commentId);
      if (about?.authorId) {
        await emailMember(trx, {
          memberId: about.authorId,
          template: "CommentHidden",
          props: { demandTitle: about.demandTitle, reason, url: `${getAppUrl()}/demands/${about.demandId}?review=${commentId}#comment-${commentId}` },
        });
      }
    }
    return true;
  });
}
