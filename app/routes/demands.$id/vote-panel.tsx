import { Form, Link } from "@remix-run/react";
import type { VoteChoice } from "../../../db/schema";
import { FieldError, TextArea } from "~/components/form-field";
import { CHOICE_LABELS, VoteTotals } from "~/components/vote-results";
import { formatWhen } from "~/demands/labels";

interface VotePanelData {
  demand: { id: number; votingEndsAt: Date | string | null };
  myVote: { choice: VoteChoice; reason: string | null; reason_public: boolean } | null;
  can: { vote: boolean };
  signedIn: boolean;
  tally: Parameters<typeof VoteTotals>[0]["totals"] | null;
}

/** The ballot while voting is open: the member's vote (changeable), the form, live totals if shown. */
export function VotePanel({ data, errors }: { data: VotePanelData; errors?: Record<string, string> }) {
  const { demand, myVote } = data;
  return (
    <section className="card" id="vote" aria-labelledby="vote-heading">
      <h2 id="vote-heading">Vote</h2>
      <p>Voting closes {formatWhen(demand.votingEndsAt)}. Your ballot is secret: only totals are published.</p>
      {myVote ? (
        <p>
          <strong>Your vote: {CHOICE_LABELS[myVote.choice]}.</strong> You can change it until voting closes.
        </p>
      ) : null}
      {data.can.vote ? (
        <Form method="post" noValidate>
          <div className={errors?.choice ? "field field--error" : "field"}>
            <fieldset className="fieldset" aria-describedby={errors?.choice ? "field-choice-error" : undefined}>
              <legend className="fieldset__legend">{myVote ? "Change your vote" : "Your vote"}</legend>
              <FieldError id="field-choice-error" message={errors?.choice} />
              <div className="choices">
                {(Object.keys(CHOICE_LABELS) as VoteChoice[]).map((c, i) => (
                  <div className="choice" key={c}>
                    <input className="choice__input" type="radio" name="choice" value={c} id={i === 0 ? "field-choice" : `field-choice-${i}`} defaultChecked={myVote?.choice === c} />
                    <label className="choice__label" htmlFor={i === 0 ? "field-choice" : `field-choice-${i}`}>
                      {CHOICE_LABELS[c]}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <TextArea name="reason" label="Your reason (optional)" limit={1000} rows={3} defaultValue={myVote?.reason ?? ""} error={errors?.reason} />
          <div className="choice field">
            <input className="choice__input" type="checkbox" id="field-reasonPublic" name="reasonPublic" value="yes" defaultChecked={myVote?.reason_public ?? false} />
            <label className="choice__label" htmlFor="field-reasonPublic">
              Publish my reason after the vote, without my name
            </label>
          </div>
          <button type="submit" name="intent" value="vote" className="button">
            {myVote ? "Change my vote" : "Cast my vote"}
          </button>
        </Form>
      ) : !data.signedIn ? (
        <p>
          <Link to={`/sign-in?redirectTo=/demands/${demand.id}`}>Sign in</Link> to vote.
        </p>
      ) : null}
      {data.tally ? <VoteTotals totals={data.tally} caption="Totals so far (they can change until voting closes)" /> : null}
      <p className="small">
        When voting closes the result is counted under the rule above and published here with the totals. If it is adopted it becomes a coalition position and
        can become a campaign; if not, it stays here with its result and the reasons voters chose to share.
      </p>
    </section>
  );
}

