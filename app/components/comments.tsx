import { Form, Link, useLocation } from "@remix-run/react";
import { Fragment } from "react";
import { ConfirmPanel } from "./confirm";
import { ChoiceGroup, FieldError, TextArea } from "./form-field";
import { REPORT_CATEGORIES, REPORT_CATEGORY_LABELS } from "~/demands/report-labels";
import { valueOf, type FieldErrors, type FormValues } from "~/utils/forms";
import { parseId } from "~/utils/ids";
import { formatLondonMedium } from "~/utils/london-time";

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
const time = formatLondonMedium;

const FORM_KINDS = ["reply", "edit", "report", "delete", "review"] as const;
type FormKind = (typeof FORM_KINDS)[number];

/** Which comment's form is open (from ?reply=, ?edit=, ?report=, ?delete= or ?review=). */
export type OpenCommentForm = { kind: FormKind; id: number } | null;
type CommentLinks = { open: (kind: FormKind, id: number) => string; close: (id: number) => string };

/** Reads the open form from a page's URL; the loader passes it on, so the form renders on the server. */
export function openCommentForm(url: URL): OpenCommentForm {
  for (const kind of FORM_KINDS) {
    const id = parseId(url.searchParams.get(kind));
    if (id !== null) return { kind, id };
  }
  return null;
}

/**
 * A discussion: threads, each with its replies. Replying, editing and reporting are links that open
 * that one comment's form (a GET, so they work without JavaScript): a page of 250 comments no longer
 * carries 500 forms, only the one in use.
 */
export function CommentThreads({
  roots,
  replies,
  viewerId,
  canComment,
  now,
  open,
  reportedIds = [],
  reportResult,
}: {
  roots: CommentView[];
  replies: Array<CommentView & { thread_id: number | null }>;
  viewerId: number | null;
  canComment: boolean;
  now: number;
  open: OpenCommentForm;
  /** The comments on this page the viewer has reported: each says so in place of its Report link. */
  reportedIds?: number[];
  /** A refused report (errors and what was chosen), shown in the open report form. */
  reportResult?: { errors?: FieldErrors; values?: FormValues };
}) {
  const byThread = new Map<number, CommentView[]>();
  for (const r of replies) {
    const list = byThread.get(r.thread_id!) ?? [];
    list.push(r);
    byThread.set(r.thread_id!, list);
  }
  // The page's other parameters (order, page) are kept in every action link; built once per page.
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  for (const k of FORM_KINDS) params.delete(k);
  const kept = params.toString();
  const links: CommentLinks = {
    open: (kind, id) => `${location.pathname}?${kept ? `${kept}&` : ""}${kind}=${id}#comment-${id}`,
    close: (id) => `${location.pathname}${kept ? `?${kept}` : ""}#comment-${id}`,
  };
  const reported = new Set(reportedIds);
  const shared = { viewerId, canComment, now, open, links, reportResult };
  const names = new Map<number, string>();
  for (const c of [...roots, ...replies]) names.set(c.id, displayName(c));
  return (
    <ol className="comment-list" aria-label="Comments">
      {roots.map((root) => (
        <li key={root.id} className="comment" id={`comment-${root.id}`}>
          <CommentBody comment={root} reported={reported.has(root.id)} {...shared} />
          {(byThread.get(root.id) ?? []).length ? (
            <ol aria-label={`Replies to ${names.get(root.id)}`} className="comment-list">
              {(byThread.get(root.id) ?? []).map((reply) => (
                <li key={reply.id} className="comment" id={`comment-${reply.id}`}>
                  {reply.parent_id !== root.id && reply.parent_id ? <p className="comment__meta">In reply to {names.get(reply.parent_id) ?? "a comment"}</p> : null}
                  <CommentBody comment={reply} reported={reported.has(reply.id)} {...shared} />
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

function CommentBody({
  comment,
  viewerId,
  canComment,
  now,
  open,
  links,
  reported,
  reportResult,
}: {
  comment: CommentView;
  viewerId: number | null;
  canComment: boolean;
  now: number;
  open: OpenCommentForm;
  links: CommentLinks;
  reported: boolean;
  reportResult?: { errors?: FieldErrors; values?: FormValues };
}) {
  const mine = viewerId !== null && comment.author_id === viewerId;
  const meta = (
    <p className="comment__meta">
      <strong>{displayName(comment)}</strong> · {time(comment.created_at)}
      {comment.edited_at ? " · edited" : ""}
    </p>
  );
  if (comment.status === "deleted") return <>{meta}<p className="comment__placeholder">This comment was deleted by its author.</p></>;
  const isOpen = (kind: NonNullable<OpenCommentForm>["kind"]) => open?.kind === kind && open.id === comment.id;
  if (comment.status === "hidden") {
    return (
      <>
        {meta}
        <p className="comment__placeholder">Hidden by a moderator{comment.moderation_reason ? `: ${comment.moderation_reason}` : "."}</p>
        {mine && !isOpen("review") ? (
          <p className="small">
            This is your comment. If you think hiding it was a mistake, <a href={links.open("review", comment.id)}>ask for a review</a>.
          </p>
        ) : null}
        {mine && isOpen("review") ? (
          <Form method="post" className="form comment__form">
            <input type="hidden" name="commentId" value={comment.id} />
            <div className="field">
              <label className="field__label" htmlFor={`review-${comment.id}`}>
                Why should a moderator look at it again?
              </label>
              <p className="field__hint">A moderator sees your message next to the comment and decides again. Up to 500 characters.</p>
              <textarea className="textarea" id={`review-${comment.id}`} name="message" rows={3} required maxLength={500} />
            </div>
            <div className="button-row">
              <button type="submit" name="intent" value="request-review" className="button">
                Ask for a review
              </button>
              <a href={links.close(comment.id)}>Cancel</a>
            </div>
          </Form>
        ) : null}
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
        <details open={isOpen("edit") || undefined}>
          <summary>Content note: {comment.content_note}. Show the comment</summary>
          {body}
        </details>
      ) : (
        body
      )}
      <div className="button-row comment__actions">
        {canComment && !isOpen("reply") ? (
          <a href={links.open("reply", comment.id)}>
            Reply<span className="visually-hidden"> to {displayName(comment)}</span>
          </a>
        ) : null}
        {editable && !isOpen("edit") ? (
          <a href={links.open("edit", comment.id)}>
            Edit<span className="visually-hidden"> your comment</span>
          </a>
        ) : null}
        {mine && !isOpen("delete") ? (
          <a href={links.open("delete", comment.id)}>
            Delete<span className="visually-hidden"> your comment</span>
          </a>
        ) : null}
        {viewerId !== null && !mine && reported ? (
          <p className="comment__reported">
            <strong>You reported this.</strong> A moderator will look at it.
          </p>
        ) : viewerId !== null && !mine && !isOpen("report") ? (
          <a href={links.open("report", comment.id)}>
            Report<span className="visually-hidden"> this comment</span>
          </a>
        ) : null}
      </div>
      {mine && isOpen("delete") ? (
        <ConfirmPanel
          heading="Delete your comment?"
          confirm="Yes, delete my comment"
          cancelTo={links.close(comment.id)}
          fields={{ intent: "delete-comment", commentId: comment.id }}
          headingLevel={3}
        >
          <p>It will be replaced by &ldquo;This comment was deleted by its author&rdquo;. Replies to it stay. This cannot be undone.</p>
        </ConfirmPanel>
      ) : null}
      {canComment && isOpen("reply") ? (
        <div className="comment__form">
          <CommentForm intent="comment" parentId={comment.id} label={`Your reply to ${displayName(comment)}`} submit="Post reply" />
          <a href={links.close(comment.id)}>Cancel</a>
        </div>
      ) : null}
      {editable && isOpen("edit") ? (
        <div className="comment__form">
          <CommentForm intent="edit-comment" commentId={comment.id} label="Your comment" submit="Save changes" defaultBody={comment.body} defaultNote={comment.content_note ?? ""} />
          <a href={links.close(comment.id)}>Cancel</a>
        </div>
      ) : null}
      {viewerId !== null && !mine && !reported && isOpen("report") ? (
        <Form method="post" className="form comment__form" noValidate>
          <input type="hidden" name="commentId" value={comment.id} />
          <h3 className="comment__form-heading">Report this comment</h3>
          <p>
            Tell a moderator what is wrong. Only moderators see your report; the author is not told who sent it. Read the{" "}
            <Link to="/guidelines">community guidelines</Link>.
          </p>
          <ChoiceGroup
            name="category"
            type="radio"
            legend="What is wrong with it?"
            error={reportResult?.errors?.category}
            selected={[valueOf(reportResult?.values, "category")].filter(Boolean)}
            options={REPORT_CATEGORIES.map((value) => ({ value, label: REPORT_CATEGORY_LABELS[value] }))}
          />
          <TextArea
            name="details"
            label="Anything else the moderator should know (optional)"
            hint="Needed if you chose something else."
            limit={500}
            rows={3}
            error={reportResult?.errors?.details}
            defaultValue={valueOf(reportResult?.values, "details")}
          />
          <div className="button-row">
            <button type="submit" name="intent" value="report" className="button button--secondary">
              Send report
            </button>
            <a href={links.close(comment.id)}>Cancel</a>
          </div>
        </Form>
      ) : null}
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
        <div className="field__hint" id={`comment-body-${suffix}-hint`}>
          Be kind: people with lived experience are reading. Up to 5,000 characters.
        </div>
        <FieldError id={`comment-body-${suffix}-error`} message={errors?.body} />
        <textarea
          className="textarea"
          id={`comment-body-${suffix}`}
          name="body"
          rows={4}
          defaultValue={defaultBody}
          aria-describedby={errors?.body ? `comment-body-${suffix}-hint comment-body-${suffix}-error` : `comment-body-${suffix}-hint`}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`comment-note-${suffix}`}>
          Content note (optional)
        </label>
        <div className="field__hint" id={`comment-note-${suffix}-hint`}>
          If it mentions something distressing, say what, in a few words (up to 100 characters). The comment stays folded until a reader opens it.
        </div>
        <input className="input" id={`comment-note-${suffix}`} name="contentNote" maxLength={100} defaultValue={defaultNote} aria-describedby={`comment-note-${suffix}-hint`} />
      </div>
      <button type="submit" name="intent" value={intent} className="button">
        {submit}
      </button>
    </Form>
  );
}
