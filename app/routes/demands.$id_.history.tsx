import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DiffView } from "~/components/diff-view";
import { SelectField } from "~/components/form-field";
import { getRevision, listRevisions } from "~/models/demand.server";
import { getCurrentMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { loadDemand } from "~/demands/access.server";
import { formatWhen } from "~/demands/labels";
import { compareMarkdown, wordDiff, type MarkdownComparison } from "~/demands/word-diff";
import { parseId } from "~/utils/ids";
import { TableFrame } from "~/components/table-frame";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "History", args.data?.demand.title ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const { demand } = await loadDemand(params.id, member);
  const url = new URL(request.url);
  const revisions = await listRevisions(db, demand.id);
  const to = parseId(url.searchParams.get("to")) ?? demand.current_revision;
  const from = parseId(url.searchParams.get("from")) ?? Math.max(1, to - 1);
  const [a, b] = await Promise.all([getRevision(db, demand.id, from), getRevision(db, demand.id, to)]);
  // Only the parts that changed are shown as differences; the rest are named as unchanged. The full
  // text is Markdown, compared as a reader sees it: formatting alone is not a change of words.
  const comparison =
    a && b && from !== to
      ? summarise([
          plainText("Title", a.title, b.title),
          plainText("Summary", a.summary, b.summary),
          { label: "Full text", ...compareMarkdown(a.body, b.body) },
          plainText("Easy read", a.easy_read, b.easy_read),
        ])
      : null;
  return { demand: { id: demand.id, title: demand.title }, revisions, comparison: comparison && { from, to, ...comparison }, from, to };
}

type Field = { label: string } & MarkdownComparison;

const plainText = (label: string, before: string, after: string): Field => (before === after ? { label, kind: "same" } : { label, kind: "changed", parts: wordDiff(before, after) });

function summarise(fields: Field[]) {
  return {
    changed: fields.flatMap((f) => (f.kind === "changed" ? [{ label: f.label, diff: f.parts }] : [])),
    formattingOnly: fields.filter((f) => f.kind === "formatting-only").map((f) => f.label),
    unchanged: fields.filter((f) => f.kind === "same").map((f) => f.label),
  };
}

export default function History() {
  const { demand, revisions, comparison, from, to } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/demands/${demand.id}`}>Back to the demand</Link>
      </p>
      <h1>History of “{demand.title}”</h1>
      <TableFrame label="Revisions">
        <table className="table table--stack">
          <caption>Every revision, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">By</th>
              <th scope="col">When</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.number}>
                <th scope="row">Revision {r.number}</th>
                <td data-label="By">{r.author_name ?? "Former member"}</td>
                <td data-label="When">{formatWhen(r.created_at)}</td>
                <td data-label="Note">{r.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      {revisions.length > 1 ? (
        <Form method="get" className="filters" aria-label="Compare revisions">
          <SelectField id="compare-from" name="from" label="Compare revision" defaultValue={from} options={revisions.map((r) => ({ value: r.number, label: String(r.number) }))} />
          <SelectField id="compare-to" name="to" label="with revision" defaultValue={to} options={revisions.map((r) => ({ value: r.number, label: String(r.number) }))} />
          <button type="submit" className="button button--secondary">
            Compare
          </button>
        </Form>
      ) : (
        <p>There is only one revision so far.</p>
      )}
      {comparison ? (
        <section aria-labelledby="comparison-heading">
          <h2 id="comparison-heading">
            Changes from revision {comparison.from} to revision {comparison.to}
          </h2>
          {comparison.changed.length ? (
            <p className="small">The words as readers see them: added words are underlined; removed words are struck through.</p>
          ) : (
            <p>The two revisions have the same words.</p>
          )}
          {comparison.formattingOnly.length ? <p>{comparison.formattingOnly.join(", ")}: only the formatting changed (such as headings, bold or lists), not the words.</p> : null}
          {comparison.changed.map((part) => (
            <div key={part.label}>
              <h3>{part.label}</h3>
              <DiffView parts={part.diff} label={`${part.label} changes`} />
            </div>
          ))}
          {comparison.unchanged.length && comparison.changed.length ? <p className="muted">Unchanged: {comparison.unchanged.join(", ").toLowerCase()}.</p> : null}
        </section>
      ) : null}
    </>
  );
}
