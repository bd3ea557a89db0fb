import { StorySafeguardingNotice } from "./crisis-help";
import { Form, Link } from "@remix-run/react";
import { StoryConsentFields } from "./story-fields";
import type { TellerView } from "~/stories/history";
import type { FieldErrors, FormValues } from "~/utils/forms";

/**
 * What only a story's teller sees on its page: its status, the moderator's reason, their choices
 * (each takes effect at once), withdrawal behind a confirm step that works without JavaScript, and
 * the dated history of every choice. The same with an account and with the emailed link.
 */
export function StoryTellerPanel({
  teller,
  consentValues,
  errors,
  withAccount,
  campaigns,
  organisations,
  confirmingWithdrawal,
  here,
  editLink,
}: {
  teller: TellerView;
  consentValues: FormValues;
  errors: FieldErrors | undefined;
  withAccount: boolean;
  campaigns?: Array<{ id: number; title: string }>;
  organisations?: Array<{ id: number; name: string }>;
  confirmingWithdrawal: boolean;
  /** This page's address, for the withdrawal's confirm step. */
  here: string;
  editLink?: string;
}) {
  const withdrawn = teller.status === "withdrawn";
  return (
    <>
      <section aria-labelledby="status-heading" className="story-status">
        <h2 id="status-heading">Your story: {teller.statusLabel}</h2>
        <p>{teller.statusMeaning}</p>
        {teller.status === "safeguarding" ? <StorySafeguardingNotice headingLevel={3} /> : null}
        {teller.reviewReason ? (
          <div className="story-status__reason">
            <h3>The moderator’s reason</h3>
            <p>{teller.reviewReason}</p>
          </div>
        ) : null}
        {withdrawn ? (
          <p>
            Withdrawing hid your story everywhere Chorus shows it: its pages, lists, searches and new packs for decision makers. Any pack already delivered with it is marked so the organisers can tell the decision maker. The history of your choices below is
            kept, as a record of what you agreed to and when.
          </p>
        ) : null}
        {editLink && !withdrawn ? (
          <p>
            <Link to={editLink}>Edit your story</Link>
          </p>
        ) : null}
      </section>

      {!withdrawn ? (
        <section aria-labelledby="consents-heading">
          <h2 id="consents-heading">Your choices</h2>
          <p>Changes take effect as soon as you save them, everywhere your story appears.</p>
          <Form method="post" className="form" noValidate>
            <StoryConsentFields values={consentValues} errors={errors} withAccount={withAccount} campaigns={campaigns} organisations={organisations} />
            <button type="submit" name="intent" value="consents" className="button">
              Save my choices
            </button>
          </Form>
        </section>
      ) : null}

      {!withdrawn ? (
        <section aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">Withdraw this story</h2>
          {confirmingWithdrawal ? (
            <Form method="post" className="form" id="withdraw">
              <p>Are you sure? Once withdrawn, nobody but you can read it, it is left out of anything delivered from now on, and packs already delivered are marked. You cannot publish it again, but you can tell a new story.</p>
              <div className="button-row">
                <button type="submit" name="intent" value="withdraw" className="button button--warning">
                  Yes, withdraw my story
                </button>
                <Link to={`${here}#withdraw-heading`}>No, keep it</Link>
              </div>
            </Form>
          ) : (
            <>
              <p>You can withdraw your story at any time, whatever its status.</p>
              <p>
                <Link to={`${here}?withdraw=1#withdraw`} className="button button--secondary">
                  Withdraw this story
                </Link>
              </p>
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">What you have agreed to, and when</h2>
        {teller.history.length ? (
          <ul className="story-history">
            {teller.history.map((h) => (
              <li key={h.id}>
                <time dateTime={h.at}>{h.date}</time>: {h.text}
              </li>
            ))}
          </ul>
        ) : (
          <p>Nothing yet.</p>
        )}
      </section>
    </>
  );
}
