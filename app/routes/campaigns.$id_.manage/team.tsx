import { Form, Link } from "@remix-run/react";
import { ConfirmPanel } from "~/components/confirm";
import { TextField } from "~/components/form-field";

interface OrganisersData {
  organisers: Array<{ id: number; display_name: string; lead: boolean; organisation_name: string | null }>;
  removing: { id: number; name: string } | null;
  q: string;
  searchError: string | null;
  candidates: Array<{ id: number; name: string; organisations: Array<{ id: number; name: string }> }>;
}

/** The campaign's organisers: removing one (asks first), and finding co-organisers by the name they show. */
export function Organisers({ data }: { data: OrganisersData }) {
  return (
  <section className="section" aria-labelledby="organisers-heading">
    <h2 id="organisers-heading">Organisers</h2>
    {data.removing ? (
      <ConfirmPanel heading={`Remove ${data.removing.name} as an organiser?`} confirm={`Yes, remove ${data.removing.name}`} cancelTo="#organisers-heading" fields={{ intent: "remove-organiser", memberId: data.removing.id }}>
        <p>They will no longer be able to manage this campaign. You can add them again later.</p>
      </ConfirmPanel>
    ) : null}
    <ul className="task-list">
      {data.organisers.map((o) => (
        <li key={o.id}>
          <span>
            {o.display_name}
            {o.lead ? " (lead organiser)" : ""}
            {o.organisation_name ? `, for ${o.organisation_name}` : ""}
          </span>
          {o.lead ? null : (
            <Link to={`?remove-organiser=${o.id}#organisers-heading`}>
              Remove<span className="visually-hidden"> {o.display_name}</span>
            </Link>
          )}
        </li>
      ))}
    </ul>
    <Form method="get" className="form" role="search" aria-label="Find a co-organiser">
      <TextField name="organiser" label="Add a co-organiser: search by name" defaultValue={data.q} />
      <button type="submit" className="button button--secondary">
        Find
      </button>
    </Form>
    {data.searchError ? <p className="field__error">{data.searchError}</p> : null}
    {data.q && !data.searchError && data.candidates.length === 0 ? <p>No member with a name like &ldquo;{data.q}&rdquo;.</p> : null}
    <ul className="task-list">
      {data.candidates.map((c) => (
        <li key={c.id}>
          <Form method="post" className="member-row__form">
            <input type="hidden" name="intent" value="add-organiser" />
            <input type="hidden" name="memberId" value={c.id} />
            <span>{c.name}</span>
            {c.organisations.length ? (
              <>
                <label className="visually-hidden" htmlFor={`acting-${c.id}`}>
                  {c.name} acts for
                </label>
                <select id={`acting-${c.id}`} name="organisationId" className="select">
                  <option value="">Acting for themselves</option>
                  {c.organisations.map((o) => (
                    <option key={o.id} value={o.id}>
                      For {o.name}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
            <button type="submit" className="button button--secondary">
              Add {c.name} as co-organiser
            </button>
          </Form>
        </li>
      ))}
    </ul>
  </section>
  );
}

/** Verified organisations that endorse the demand, listed as partners or ready to be. */
export function Partners({ partners, addable }: { partners: Array<{ id: number; name: string }>; addable: Array<{ id: number; name: string }> }) {
  return (
  <section className="section" aria-labelledby="partners-heading">
    <h2 id="partners-heading">Partner organisations</h2>
    <p className="small">Verified organisations that endorse the demand can be listed as partners.</p>
    <ul className="task-list">
      {partners.map((p) => (
        <li key={p.id}>
          <span>{p.name}</span>
          <Form method="post">
            <input type="hidden" name="intent" value="remove-partner" />
            <input type="hidden" name="organisationId" value={p.id} />
            <button type="submit" className="link-button">
              Remove<span className="visually-hidden"> {p.name} as a partner</span>
            </button>
          </Form>
        </li>
      ))}
      {addable.map((p) => (
        <li key={p.id}>
          <span>{p.name} (endorses the demand)</span>
          <Form method="post">
            <input type="hidden" name="intent" value="add-partner" />
            <input type="hidden" name="organisationId" value={p.id} />
            <button type="submit" className="button button--secondary">
              List {p.name} as a partner
            </button>
          </Form>
        </li>
      ))}
    </ul>
    {partners.length + addable.length === 0 ? <p>No verified organisation endorses the demand yet.</p> : null}
  </section>
  );
}
