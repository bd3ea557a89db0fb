import type { DiffPart } from "~/demands/word-diff";

/**
 * Insertions and deletions are marked by elements screen readers announce and by underline and
 * strike-through, not by colour alone.
 */
export function DiffView({ parts, label }: { parts: DiffPart[]; label: string }) {
  return (
    <div className="diff" role="group" aria-label={label}>
      {parts.map((p, i) =>
        p.kind === "added" ? (
          <ins key={i}>
            <span className="visually-hidden">[added: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : p.kind === "removed" ? (
          <del key={i}>
            <span className="visually-hidden">[removed: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}
