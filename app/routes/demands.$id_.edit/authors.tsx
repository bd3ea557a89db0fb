import { Form } from "@remix-run/react";
import { AUTHOR_INVITATION_DAYS } from "~/demands/coauthors";
import { formatLondonMedium } from "~/utils/london-time";

export interface AuthorsProps {
  authors: Array<{ id: number; name: string; lead: boolean }>;
  invitations: Array<{ id: number; name: string; invitedBy: string; invitedAt: string | Date; expiresAt: string | Date }>;
  q: string;
  searchError: string | null;
  candidates: Array<{ id: number; name: string; invited: boolean }>;
}

/**
 * The edit page's authors: who writes the demand, who is invited and has not answered yet (with a
 * way to withdraw), and the search that finds members by the name they show to invite them.
 */
export function Authors({ authors, invitations, q, searchError, candidates }: AuthorsProps) {
  return (
    <section className="section" aria-labelledby="authors-heading">
      <h2 id="authors-heading">Authors</h2>
      <ul>
        {authors.map((a) => (
          <li key={a.id}>
            {a.name}
            {a.lead ? (
              " (proposer)"
            ) : (
              <Form method="post" className="inline-form">
                {" "}
                <input type="hidden" name="memberId" value={a.id} />
                <button type="submit" name="intent" value="remove-author" className="link-button">
                  Remove<span className="visually-hidden"> {a.name}</span>
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {invitations.length ? (
        <>
          <h3 id="invited-heading">Invited</h3>
          <p>They become co-authors when they accept. An invitation lasts {AUTHOR_INVITATION_DAYS} days.</p>
          <ul aria-labelledby="invited-heading">
            {invitations.map((i) => (
              <li key={i.id}>
                {i.name}: invited by {i.invitedBy} on {formatLondonMedium(i.invitedAt)}, open until {formatLondonMedium(i.expiresAt)}
                <Form method="post" className="inline-form">
                  {" "}
                  <input type="hidden" name="invitationId" value={i.id} />
                  <button type="submit" name="intent" value="withdraw-invitation" className="link-button">
                    Withdraw the invitation<span className="visually-hidden"> to {i.name}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Form method="get" className="form" role="search" aria-label="Find a co-author">
        <div className="field">
          <label className="field__label" htmlFor="coauthor-search">
            Invite a co-author by name
          </label>
          <p className="field__hint" id="coauthor-search-hint">
            They are told in Chorus and by email, and become a co-author when they accept.
          </p>
          <input className="input" id="coauthor-search" type="search" name="coauthor" defaultValue={q} aria-describedby="coauthor-search-hint" />
        </div>
        <button type="submit" className="button button--secondary">
          Find
        </button>
      </Form>
      {searchError ? (
        <p className="field__error" role="alert">
          {searchError}
        </p>
      ) : q ? (
        candidates.length ? (
          <ul>
            {candidates.map((c) => (
              <li key={c.id}>
                {c.invited ? (
                  <>{c.name}: invited, waiting for an answer</>
                ) : (
                  <Form method="post" className="inline-form">
                    {c.name}{" "}
                    <input type="hidden" name="memberId" value={c.id} />
                    <button type="submit" name="intent" value="invite-author" className="link-button">
                      Invite to co-author<span className="visually-hidden"> ({c.name})</span>
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>No members found with that name.</p>
        )
      ) : null}
    </section>
  );
}
