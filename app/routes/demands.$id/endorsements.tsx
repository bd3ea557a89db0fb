import type { OrganisationStatus } from "../../../db/schema";
import { Form, Link } from "@remix-run/react";
import { ConfirmPanel } from "~/components/confirm";
import { TextArea } from "~/components/form-field";
import { VerifiedBadge } from "~/components/organisation-badge";

interface Props {
  endorsements: Array<{ id: number; slug: string; name: string; status: OrganisationStatus; statement: string }>;
  /** Organisations the viewer may endorse for, and whether each already has. */
  endorsable: Array<{ id: number; name: string; endorsed: boolean }>;
  confirmWithdrawal: number | null;
  statementError?: string;
}

/** Organisations' public backing of the demand, apart from votes; endorsing and withdrawing for the viewer's own. */
export function Endorsements({ endorsements, endorsable, confirmWithdrawal, statementError }: Props) {
  return (
    <aside className="demand-aside" aria-label="Endorsements">
      <section className="card" aria-labelledby="endorsements-heading">
        <h2 id="endorsements-heading">Endorsed by</h2>
        {endorsements.length === 0 ? <p>No organisation has endorsed this yet.</p> : null}
        <ul>
          {endorsements.map((e) => (
            <li key={e.id}>
              <Link to={`/organisations/${e.slug}`}>{e.name}</Link> <VerifiedBadge status={e.status} />
              <p className="small">&ldquo;{e.statement}&rdquo;</p>
            </li>
          ))}
        </ul>
        <p className="small muted">Endorsements are separate from members&apos; votes and never counted as votes.</p>
        {endorsable.map((o) =>
          o.endorsed ? (
            confirmWithdrawal === o.id ? (
              <ConfirmPanel
                key={o.id}
                heading={`Withdraw ${o.name}'s endorsement?`}
                confirm="Yes, withdraw the endorsement"
                cancelTo="#endorsements-heading"
                fields={{ intent: "withdraw-endorsement", organisationId: o.id }}
                headingLevel={3}
              >
                <p>{o.name} will no longer be listed as endorsing this demand, and its statement will be removed. It can endorse again later.</p>
              </ConfirmPanel>
            ) : (
              <p key={o.id}>
                <Link to={`?withdraw-endorsement=${o.id}#endorsements-heading`}>Withdraw {o.name}&apos;s endorsement</Link>
              </p>
            )
          ) : (
            <details key={o.id}>
              <summary>Endorse on behalf of {o.name}</summary>
              <Form method="post" noValidate>
                <input type="hidden" name="organisationId" value={o.id} />
                <TextArea name="statement" label={`${o.name}'s statement`} hint="At least 10 characters." limit={1000} rows={3} error={statementError} />
                <button type="submit" name="intent" value="endorse" className="button">
                  Endorse
                </button>
              </Form>
            </details>
          ),
        )}
      </section>
    </aside>
  );
}
