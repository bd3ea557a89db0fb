import { Link } from "@remix-run/react";
import { EvidenceList, type SourceView } from "~/components/evidence-list";
import { countOf } from "~/utils/plural";

/** The demand's evidence under its text: the sources it cites and the first few, numbered as the text cites them. */
export function Evidence({ demandId, evidence, canSuggest, signedIn }: { demandId: number; evidence: { sources: SourceView[]; accepted: number; suggested: number; gathering: boolean; viewerIsAuthor: boolean }; canSuggest: boolean; signedIn: boolean }) {
  const more = evidence.accepted > evidence.sources.length;
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence</h2>
      {evidence.sources.length ? (
        <>
          <p className="small">Numbers in the text, like [1], point to these sources.</p>
          <EvidenceList sources={evidence.sources} />
        </>
      ) : (
        <p>No sources yet.</p>
      )}
      {evidence.suggested ? (
        <p className="notice">
          <Link to={`/demands/${demandId}/evidence#suggestions-heading`}>{countOf(evidence.suggested, "suggested source waits", "suggested sources wait")} for you and the other authors</Link>
        </p>
      ) : null}
      <div className="button-row">
        {evidence.accepted || canSuggest ? (
          <Link to={`/demands/${demandId}/evidence`} className={canSuggest ? "button button--secondary" : undefined}>
            {more ? `See all ${evidence.accepted} sources` : canSuggest ? (evidence.viewerIsAuthor ? "Add a source" : "Suggest a source") : "See the evidence page"}
          </Link>
        ) : null}
        {!signedIn && evidence.gathering ? (
          <p className="small">
            <Link to={`/sign-in?redirectTo=/demands/${demandId}/evidence`}>Sign in</Link> to suggest a source.
          </p>
        ) : null}
      </div>
    </section>
  );
}
