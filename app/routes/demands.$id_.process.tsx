import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { Checkbox, ChoiceGroup, TextArea, TextField } from "~/components/form-field";
import { openConsultation, openVoting, withdrawDemand } from "~/services/demand.server";
import { requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { DECISION_RULE_TEXT } from "~/demands/decision";
import { loadDemand } from "~/demands/access.server";
import { OpenConsultationSchema, OpenVotingSchema, WithdrawSchema } from "~/demands/process-forms";
import { DECISION_RULE_LABELS, DECISION_RULES, STAGE_LABELS } from "~/demands/labels";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { canOnDemand } from "~/members/permissions";
import { badRequest, forbidden, invalid } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

/** Why a step of the process was refused, for the person who tried it. */
const PROCESS_REFUSED = {
  "not-draft": "This demand is no longer a draft.",
  "not-in-consultation": "Voting can only open at the end of a consultation.",
  "no-easy-read": "Add an easy-read summary before voting opens: everyone must be able to understand what they vote on.",
  "not-open": "Only an open demand can be withdrawn.",
} as const;

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "Run the process", args.data?.demand.title ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  const can = {
    openConsultation: canOnDemand(member, "demand.openConsultation", context),
    openVoting: canOnDemand(member, "demand.openVoting", context),
    withdraw: canOnDemand(member, "demand.withdraw", context),
  };
  if (!can.openConsultation && !can.openVoting && !can.withdraw) forbidden();
  return { demand: { id: demand.id, title: demand.title, stage: demand.stage, hasEasyRead: demand.easy_read.trim() !== "" }, can };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/demands/${demand.id}`;
  if (intent === "open-consultation") {
    if (!canOnDemand(member, "demand.openConsultation", context)) forbidden();
    const parsed = parseForm(OpenConsultationSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const result = await openConsultation(db, demand.id, member.id, parsed.data.consultationEndsAt);
    if (!result.ok) return invalid({ form: PROCESS_REFUSED[result.reason] });
    return redirectWithFlash(request, back, { kind: "success", message: "The consultation is open. Every member can now read, comment and propose amendments." });
  }
  if (intent === "open-voting") {
    if (!canOnDemand(member, "demand.openVoting", context)) forbidden();
    const parsed = parseForm(OpenVotingSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const result = await openVoting(db, demand.id, member.id, { endsAt: parsed.data.votingEndsAt, rule: parsed.data.rule, quorum: parsed.data.quorum, liveResults: parsed.data.liveResults });
    if (!result.ok) return invalid({ form: PROCESS_REFUSED[result.reason] }, formValues(formData, OpenVotingSchema));
    return redirectWithFlash(request, back, { kind: "success", message: "Voting is open." });
  }
  if (intent === "withdraw") {
    if (!canOnDemand(member, "demand.withdraw", context)) forbidden();
    const parsed = parseForm(WithdrawSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const result = await withdrawDemand(db, demand.id, member.id, parsed.data.reason);
    if (!result.ok) return invalid({ form: PROCESS_REFUSED[result.reason] });
    return redirectWithFlash(request, back, { kind: "success", message: "The demand is withdrawn. The reason is in its decision log." });
  }
  badRequest();
}

export default function Process() {
  const { demand, can } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string> | undefined;
  const values = result?.values;
  return (
    <>
      <p>
        <Link to={`/demands/${demand.id}`}>Back to the demand</Link>
      </p>
      <ErrorSummary errors={errors} order={["consultationEndsAt", "votingEndsAt", "rule", "quorum", "reason"]} />
      <h1>Run the process: {demand.title}</h1>
      <p>Stage now: {STAGE_LABELS[demand.stage]}. Every change is recorded in the public decision log.</p>
      {can.openConsultation ? (
        <section className="section form">
          <h2>Open a consultation</h2>
          <p>All members will be able to read it, comment and propose amendments until the date you set.</p>
          <Form method="post" noValidate>
            <TextField name="consultationEndsAt" type="datetime-local" label="Consultation ends (UK time)" className="input--short" defaultValue={valueOf(values, "consultationEndsAt")} error={errors?.consultationEndsAt} />
            <button type="submit" name="intent" value="open-consultation" className="button">
              Open consultation
            </button>
          </Form>
        </section>
      ) : null}
      {can.openVoting ? (
        <section className="section form">
          <h2>Open voting</h2>
          {!demand.hasEasyRead ? <p className="notice">This demand has no easy-read summary yet. Voting cannot open until its authors add one.</p> : null}
          <Form method="post" noValidate>
            <TextField name="votingEndsAt" type="datetime-local" label="Voting closes (UK time)" className="input--short" defaultValue={valueOf(values, "votingEndsAt")} error={errors?.votingEndsAt} />
            <ChoiceGroup
              name="rule"
              type="radio"
              legend="Decision rule"
              error={errors?.rule}
              options={DECISION_RULES.map((r) => ({ value: r, label: DECISION_RULE_LABELS[r], hint: DECISION_RULE_TEXT[r] }))}
              selected={[valueOf(values, "rule")]}
            />
            <TextField name="quorum" inputMode="numeric" label="Quorum (optional)" hint="The fewest votes, abstentions included, for the result to count." className="input--short" defaultValue={valueOf(values, "quorum")} error={errors?.quorum} />
            <Checkbox name="liveResults" label="Show totals while voting is open" hint="Usually results stay hidden until the vote closes, so early totals do not sway later voters." defaultChecked={valueOf(values, "liveResults") === "yes"} />
            <button type="submit" name="intent" value="open-voting" className="button">
              Open voting
            </button>
          </Form>
        </section>
      ) : null}
      {can.withdraw ? (
        <section className="section form">
          <h2>Withdraw this demand</h2>
          <Form method="post" noValidate>
            <TextArea name="reason" label="Why is it being withdrawn?" hint="This is published in the decision log." limit={1000} rows={3} defaultValue={valueOf(values, "reason")} error={errors?.reason} />
            <button type="submit" name="intent" value="withdraw" className="button button--warning">
              Withdraw
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
