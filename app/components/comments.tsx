import { Form } from "@remix-run/react";
import { Fragment } from "react";
import { FieldError } from "./form-field";

export interface CommentView {
  id: number;
  parent_id: number | null;
  author_id: number | null;
  author_name: string | null;
  author_deleted_at: string | Date | null;
  body: string;
  content_note: string | null;
  status: "visible" | "deleted" | "hidden" | "held";
  moderation_reason: string | null;
  created_at: string | Date;
  edited_at: string | Date | null;
}

const EDIT_WINDOW_MS = 15 * 60 * 1000;
const time = (d: string | Date) => new Date(d).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

/**
 * A discussion: threads, each with its replies. Every action is a plain form inside a <details>, so
 * replying, editing, deleting and reporting all work without JavaScript.
 */
export function CommentThreads({
  roots,
  replies,
  viewerId,
  canComment,
  now,
}: {
  roots: CommentView[];
  replies: Array<CommentView & { thread_id: number | null }>;
  viewerId: number | null;
  canComment: boolean;
  now: number;
}) {
  const byThread = new Map<number, CommentView[]>();
  for (const r of replies) {
    const list = byThread.get(r.thread_id!) ?? [];
    list.push(r);
    byThread.set(r.thread_id!, list);
  }
  const names = new Map<number, string>();
  for (const c of [...roots, ...replies]) names.set(c.id, displayName(c));
  return (
    <ol className="comment-list" aria-label="Comments">
      {roots.map((root) => (
        <li key={root.id} className="comment" id={`comment-${root.id}`}>
          <CommentBody comment={root} viewerId={viewerId} canComment={canComment} now={now} />
          {(byThread.get(root.id) ?? []).length ? (
            <ol aria-label={`Replies to ${names.get(root.id)}`} className="comment-list">
              {(byThread.get(root.id) ?? []).map((reply) => (
                <li key={reply.id} className="comment" id={`comment-${reply.id}`}>
                  {reply.parent_id !== root.id && reply.parent_id ? <p className="comment__meta">In reply to {names.get(reply.parent_id) ?? "a comment"}</p> : null}
                  <CommentBody comment={reply} viewerId={viewerId} canComment={canComment} now={now} />
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function displayName(c: CommentView) {
  return c.author_deleted_at ? "Former member" : (c.author_name ?? "Former member");
}

function CommentBody({ comment, viewerId, canComment, now }: { comment: CommentView; viewerId: number | null; canComment: boolean; now: number }) {
  const mine = viewerId !== null && comment.author_id === viewerId;
  const meta = (
    <p className="comment__meta">
      <strong>{displayName(comment)}</strong> · {time(comment.created_at)}
      {comment.edited_at ? " · edited" : ""}
    </p>
  );
  if (comment.status === "deleted") return <>{meta}<p className="comment__placeholder">This comment was deleted by its author.</p></>;
  if (comment.status === "hidden") {
    return (
      <>
        {meta}
        <p className="comment__placeholder">Hidden by a moderator{comment.moderation_reason ? `: ${comment.moderation_reason}` : "."}</p>
      </>
    );
  }
  if (comment.status === "held") return <>{meta}<p className="comment__placeholder">Hidden while a moderator reviews reports about it.</p></>;
  const body = <p className="comment__body">{comment.body}</p>;
  const editable = mine && now - new Date(comment.created_at).getTime() < EDIT_WINDOW_MS;
  return (
    <Fragment>
      {meta}
      {comment.content_note ? (
        <details>
          <summary>Content note: {comment.content_note}. Show the comment</summary>
          {body}
        </details>
      ) : (
        body
      )}
      <div className="button-row comment__actions">
        {canComment ? (
          <details>
            <summary>Reply</summary>
            <CommentForm intent="comment" parentId={comment.id} label={`Your reply to ${displayName(comment)}`} submit="Post reply" />
          </details>
        ) : null}
        {editable ? (
          <details>
            <summary>Edit</summary>
            <CommentForm intent="edit-comment" commentId={comment.id} label="Your comment" submit="Save changes" defaultBody={comment.body} defaultNote={comment.content_note ?? ""} />
          </details>
        ) : null}
        {mine ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="commentId" value={comment.id} />
            <button type="submit" name="intent" value="delete-comment" className="link-button">
              Delete<span className="visually-hidden"> your comment</span>
            </button>
          </Form>
        ) : null}
        {viewerId !== null && !mine ? (
          <details>
            <summary>Report</summary>
            <Form method="post" className="form">
              <input type="hidden" name="commentId" value={comment.id} />
              <div className="field">
                <label className="field__label" htmlFor={`report-${comment.id}`}>
                  Why should a moderator look at this?
                </label>
                <input className="input" id={`report-${comment.id}`} name="reason" required maxLength={500} />
              </div>
              <button type="submit" name="intent" value="report" className="button button--secondary">
                Send report
              </button>
            </Form>
          </details>
        ) : null}
      </div>
    </Fragment>
  );
}

export function CommentForm({
  intent,
  parentId,
  commentId,
  label,
  submit,
  defaultBody = "",
  defaultNote = "",
  errors,
}: {
  intent: "comment" | "edit-comment";
  parentId?: number;
  commentId?: number;
  label: string;
  submit: string;
  defaultBody?: string;
  defaultNote?: string;
  errors?: Record<string, string>;
}) {
  const suffix = commentId ?? parentId ?? "new";
  return (
    <Form method="post" className="form" noValidate>
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : null}
      <div className={errors?.body ? "field field--error" : "field"}>
        <label className="field__label" htmlFor={`comment-body-${suffix}`}>
          {label}
        </label>
        <FieldError id={`comment-body-${suffix}-error`} message={errors?.body} />
        <textarea className="textarea" id={`comment-body-${suffix}`} name="body" rows={4} defaultValue={defaultBody} aria-describedby={errors?.body ? `comment-body-${suffix}-error` : undefined} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`comment-note-${suffix}`}>
          Content note (optional)
        </label>
        <div className="field__hint" id={`comment-note-${suffix}-hint`}>
          If it mentions something distressing, say what, in a few words. The comment stays folded until a reader opens it.
        </div>
        <input className="input" id={`comment-note-${suffix}`} name="contentNote" maxLength={100} defaultValue={defaultNote} aria-describedby={`comment-note-${suffix}-hint`} />
      </div>
      <button type="submit" name="intent" value={intent} className="button">
        {submit}
      </button>
    </Form>
  );
}
