import { Form, Link } from "@remix-run/react";
import { ConfirmPanel } from "~/components/confirm";
import { TextArea, TextField } from "~/components/form-field";
import { valueOf, type FormValues } from "~/utils/forms";
import { countOf } from "~/utils/plural";

interface Cluster {
  n: number;
  fingerprint: string;
  domain: string;
  signatures: number;
  confirmed: number;
}

/** Opening, closing and marking delivered: what the campaign's organisers see at the top of the page. */
export function OrganiserControls({ slug, status, values, errors }: { slug: string; status: string; values?: FormValues; errors?: Record<string, string> }) {
  return (
    <div className="notice">
      <p>
        <strong>You organise this campaign.</strong>{" "}
        {status === "draft" ? (
          <>
            Only organisers can see this draft. Its wording can change until it opens: <Link to={`/petitions/${slug}/edit`}>edit the petition</Link>.
          </>
        ) : status === "open" ? (
          <>
            Close it when the campaign is ready to deliver it. <Link to={`/petitions/${slug}/edit`}>Choose whom it asks, and at what counts</Link>.
          </>
        ) : null}
      </p>
      {status === "draft" || status === "open" ? (
        <Form method="post">
          <button type="submit" name="intent" value={status === "draft" ? "open" : "close"} className={status === "draft" ? "button" : "button button--secondary"}>
            {status === "draft" ? "Open for signatures" : "Close the petition"}
          </button>
        </Form>
      ) : null}
      {status === "closed" ? (
        <Form method="post" noValidate className="form section">
          <TextArea name="note" label="Mark it delivered: what happened" hint="Who received it, when, and what they said. This goes on the campaign's timeline." limit={10_000} rows={4} defaultValue={valueOf(values, "note")} error={errors?.note} />
          <button type="submit" name="intent" value="deliver" className="button">
            Mark as delivered
          </button>
        </Form>
      ) : null}
    </div>
  );
}

/** News to signers who asked for it, and suspect signatures to review. */
export function OrganiserTools({ newsAudience, clusters, reviewing, values, errors }: { newsAudience: number; clusters: Cluster[]; reviewing: (Omit<Cluster, "n"> & { network: string }) | null; values?: FormValues; errors?: Record<string, string> }) {
  return (
    <>
      <section className="form" aria-labelledby="news-heading">
        <h2 id="news-heading">Send news to signers</h2>
        <p className="small">
          Goes only to confirmed signers who asked for news about the campaign: {newsAudience.toLocaleString("en-GB")} now. Each email has a link to stop.
        </p>
        <Form method="post" noValidate>
          <TextField name="subject" label="Subject" limit={150} defaultValue={valueOf(values, "subject")} error={errors?.subject} />
          <TextArea name="message" label="Message" hint="Plain text; leave a blank line between paragraphs." limit={5_000} rows={5} defaultValue={valueOf(values, "message")} error={errors?.message} />
          <button type="submit" name="intent" value="news" className="button button--secondary">
            Send to {countOf(newsAudience, "signer")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="suspect-heading">
        <h2 id="suspect-heading">Suspect signatures</h2>
        <p className="small">
          Signatures from a network that signed more than 20 times in an hour are marked suspect, silently; they still count until you invalidate them.
        </p>
        {reviewing ? (
          <ConfirmPanel
            heading={`Invalidate ${countOf(reviewing.signatures, "signature")}?`}
            confirm="Yes, invalidate them"
            cancelTo="#suspect-heading"
            fields={{ intent: "invalidate", network: reviewing.network, domain: reviewing.domain }}
          >
            <p>
              All suspect signatures from network {reviewing.fingerprint} with {reviewing.domain} addresses: {reviewing.confirmed} confirmed, {reviewing.signatures - reviewing.confirmed} waiting.
              They will no longer count. This cannot be undone.
            </p>
          </ConfirmPanel>
        ) : null}
        {clusters.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul className="task-list">
            {clusters.map((c) => (
              <li key={c.n}>
                <span>
                  Network {c.fingerprint}, {c.domain}: {c.signatures} ({c.confirmed} confirmed)
                </span>
                <Link to={`?cluster=${c.n}#suspect-heading`}>
                  Review<span className="visually-hidden"> network {c.fingerprint}, {c.domain}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
