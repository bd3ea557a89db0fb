import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DiffView } from "~/components/diff-view";
import { SelectField } from "~/components/form-field";
import { getRevision, listRevisions } from "~/models/demand.server";
import { getCurrentMember } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { loadDemand } from "~/utils/demand-access.server";
import { formatWhen } from "~/utils/demands";
import { wordDiff } from "~/utils/word-diff";
import { parseId } from "~/utils/ids";
import { TableFrame } from "~/components/table-frame";

export const meta: MetaFunction = () => [{ title: "History – Chorus" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const { demand } = await loadDemand(params.id, member);
  const url = new URL(request.url);
  const revisions = await listRevisions(db, demand.id);
  const to = parseId(url.searchParams.get("to")) ?? demand.current_revision;
  const from = parseId(url.searchParams.get("from")) ?? Math.max(1, to - 1);
  const [a, b] = await Promise.all([getRevision(db, demand.id, from), getRevision(db, demand.id, to)]);
  const comparison =
    a && b && from !== to
      ? {
          from,
          to,
          title: wordDiff(a.title, b.title),
          summary: wordDiff(a.summary, b.summary),
          body: wordDiff(a.body, b.body),
          easyRead: wordDiff(a.easy_read, b.easy_read),
        }
      : null;
  return { demand: { id: demand.id, title: demand.title }, revisions, comparison, from, to };
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
<table className="table">
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
              <td>{r.number}</td>
              <td>{r.author_name ?? "Former member"}</td>
              <td>{formatWhen(r.created_at)}</td>
              <td>{r.note}</td>
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
          <p className="small">Added words are underlined; removed words are struck through.</p>
          <h3>Title</h3>
          <DiffView parts={comparison.title} label="Title changes" />
          <h3>Summary</h3>
          <DiffView parts={comparison.summary} label="Summary changes" />
          <h3>Full text</h3>
          <DiffView parts={comparison.body} label="Full text changes" />
          <h3>Easy read</h3>
          <DiffView parts={comparison.easyRead} label="Easy-read changes" />
        </section>
      ) : null}
    </>
  );
}
