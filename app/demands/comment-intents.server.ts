import { redirect } from "@remix-run/node";
import { z } from "zod";
import { getComment, requestCommentReview } from "~/models/comment.server";
import { deleteOwnComment, editOwnComment, postComment, reportCommentToModerators } from "~/services/discussion.server";
import type { CurrentMember } from "../members/session.server";
import { db } from "../utils/db.server";
import { redirectWithFlash } from "../utils/flash.server";
import { parseForm } from "../utils/forms";
import { canOnDemand, type DemandContext } from "../members/permissions";
import { badRequest, forbidden, invalid, notFound } from "../utils/responses.server";
import { IdField } from "../utils/fields";
import { multiline } from "../utils/fields";
import { ReportSchema } from "./reports";

export const CommentSchema = z.object({
  body: multiline(z.string({ error: "Write your comment" }).trim().min(1, { error: "Write your comment" }).max(5000, { error: "A comment must be 5,000 characters or fewer" })),
  contentNote: z
    .string()
    .trim()
    .max(100, { error: "A content note must be 100 characters or fewer" })
    .optional()
    .transform((v) => (v ? v : null)),
  parentId: IdField.optional(),
});
const CommentIdSchema = z.object({ commentId: IdField });

const ReviewSchema = z.object({
  commentId: IdField,
  message: multiline(z.string({ error: "Say why it should be shown" }).trim().min(3, { error: "Say why it should be shown" }).max(500, { error: "Keep it under 500 characters" })),
});

export const COMMENT_INTENTS = new Set(["comment", "edit-comment", "delete-comment", "report", "request-review"]);

/** The comment intents shared by a demand's page and an amendment's page. */
export async function handleCommentIntent(
  request: Request,
  member: CurrentMember,
  target: { demandId: number; amendmentId: number | null; context: DemandContext; back: string },
  formData: FormData,
) {
  const intent = String(formData.get("intent"));
  if (intent === "comment") {
    if (!canOnDemand(member, "demand.comment", target.context)) forbidden();
    const parsed = parseForm(CommentSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const id = await postComment(db, member, { demandId: target.demandId, amendmentId: target.amendmentId, parentId: parsed.data.parentId ?? null, body: parsed.data.body, contentNote: parsed.data.contentNote, url: target.back });
    if (!id) notFound();
    return redirectWithFlash(request, `${target.back}#comment-${id}`, { kind: "success", message: "Your comment is posted." });
  }
  if (intent === "report") {
    const parsed = parseForm(ReportSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const comment = await getComment(db, parsed.data.commentId);
    if (!comment || comment.demand_id !== target.demandId) notFound();
    if (comment.author_id === member.id) return invalid({ form: "You cannot report your own comment." });
    await reportCommentToModerators(db, comment.id, member.id, { category: parsed.data.category, details: parsed.data.details });
    // No flash at the top of the page, out of view: the comment itself now says "You reported this".
    return redirect(`${target.back}#comment-${comment.id}`);
  }
  if (intent === "request-review") {
    const parsed = parseForm(ReviewSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const comment = await getComment(db, parsed.data.commentId);
    if (!comment || comment.demand_id !== target.demandId) notFound();
    if (comment.author_id !== member.id || comment.status !== "hidden") forbidden();
    const result = await requestCommentReview(db, comment.id, member.id, parsed.data.message);
    return redirectWithFlash(request, `${target.back}#comment-${comment.id}`, {
      kind: "success",
      message: result.recorded ? "Thank you. A moderator will look at your comment again." : "You have already asked for a review of this comment.",
    });
  }
  const parsed = parseForm(CommentIdSchema, formData);
  if (!parsed.ok) badRequest();
  const comment = await getComment(db, parsed.data.commentId);
  if (!comment || comment.demand_id !== target.demandId) notFound();
  if (comment.author_id !== member.id) forbidden();
  if (intent === "delete-comment") {
    await deleteOwnComment(db, comment.id, member.id);
    return redirectWithFlash(request, `${target.back}#comment-${comment.id}`, { kind: "success", message: "Your comment is deleted." });
  }
  const body = parseForm(CommentSchema, formData);
  if (!body.ok) return invalid(body.errors, body.values);
  const updated = await editOwnComment(db, comment.id, member.id, body.data.body, body.data.contentNote);
  if (!updated) return invalid({ form: "Comments can only be edited for 15 minutes after posting." });
  return redirectWithFlash(request, `${target.back}#comment-${comment.id}`, { kind: "success", message: "Your comment is updated." });
}
