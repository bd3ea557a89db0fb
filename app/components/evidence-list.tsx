import type { ReactNode } from "react";
import type { SourceKind } from "../../db/schema";
import { SOURCE_KIND_LABELS } from "~/demands/evidence";

export interface SourceView {
  id: number;
  number: number | null;
  title: string;
  author: string;
  year: number | null;
  url: string | null;
  finding: string;
  kind: SourceKind;
}

/**
 * Sources as a numbered list. Each number is written out rather than left to the list's counter,
 * because a list may skip numbers (the sources the text cites, or one page of many), and each item
 * is the target of the text's "[n]" citations (id "source-n").
 */
export function EvidenceList({ sources }: { sources: SourceView[] }) {
  return (
    <ol className="evidence-list">
      {sources.map((s) => (
        <SourceItem key={s.id} source={s} id={s.number !== null ? `source-${s.number}` : undefined} />
      ))}
    </ol>
  );
}

export function SourceItem({ source, id, children }: { source: SourceView; id?: string; children?: ReactNode }) {
  return (
    <li className="evidence-list__item" id={id} tabIndex={id ? -1 : undefined}>
      {source.number !== null ? <span className="evidence-list__number">[{source.number}]</span> : null}
      <div className="evidence-list__body">
        <p className="evidence-list__title">{source.url ? <a href={source.url} rel="nofollow noopener noreferrer">{source.title}</a> : <strong>{source.title}</strong>}</p>
        <p className="evidence-list__meta">
          {source.author}
          {source.year !== null ? `, ${source.year}` : ""} · {SOURCE_KIND_LABELS[source.kind]}
        </p>
        <p className="evidence-list__finding">{source.finding}</p>
        {children}
      </div>
    </li>
  );
}
