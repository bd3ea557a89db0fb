import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { PETITION_ASKS_FIELD_ORDER, PETITION_FIELD_ORDER, PetitionAsksFields, PetitionFields } from "~/components/petition-fields";
import { describeTarget } from "~/letters/rules";
import { requireMember } from "~/members/session.server";
import { listPetitionTargetIds } from "~/models/ask.server";
import { listTargetChoices } from "~/models/target.server";
import { loadPetitionFor } from "~/petitions/access.server";
import { PetitionAsksSchema, PetitionSchema } from "~/petitions/forms";
import { setPetitionAsks, type PetitionAsksResult } from "~/services/accountability.server";
import { editDraftPetition } from "~/services/petition.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm, type FieldErrors } from "~/utils/forms";
import { todayInLondon } from "~/utils/london-time";
import { pageTitle } from "~/utils/meta";
import { countOf } from "~/utils/plural";
import { forbidden, invalid, notFound } from "~/utils/responses.server";
import { toUkDateInput } from "~/utils/uk-dates";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, `Edit “${args.data?.petition.title ?? "the petition"}”`);

/** A petition, for the campaign's organisers; nobody else. */
async function loadForOrganiser(request: Request, slug: string | undefined) {
  await requireMember(request);
  const { petition, allowed } = await loadPetitionFor(request, slug);
  if (!allowed) forbidden();
  return petition;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const petition = await loadForOrganiser(request, params.slug);
  const [targets, targetIds] = await Promise.all([listTargetChoices(db), listPetitionTargetIds(db, petition.id)]);
  const number = (n: number | null) => (n === null ? "" : n.toLocaleString("en-GB"));
  return {
    petition: { slug: petition.slug, title: petition.title, status: petition.status },
    targets: targets.map((t) => ({ id: String(t.id), label: describeTarget(t), bounced: Boolean(t.bounced_at) })),
    locked: {
      targets: Boolean(petition.response_asked_at || petition.meeting_asked_at),
      response: Boolean(petition.response_asked_at),
      meeting: Boolean(petition.meeting_asked_at),
    },
    values: {
      title: petition.title,
      ask: petition.ask,
      why: petition.why,
      addressedTo: petition.addressed_to,
      goal: petition.goal.toLocaleString("en-GB"),
      milestones: petition.milestones.map((m) => m.toLocaleString("en-GB")).join(", "),
      closesOn: petition.closes_at ? toUkDateInput(todayInLondon(new Date(petition.closes_at))) : "",
      targetIds: targetIds.map(String),
      responseThreshold: number(petition.response_threshold),
      meetingThreshold: number(petition.meeting_threshold),
    },
  };
}

/** Why an open petition's decision makers or thresholds were not changed, by the field concerned. */
const ASKS_REFUSALS: Record<Exclude<PetitionAsksResult, { ok: true }>["reason"], FieldErrors> = {
  "not-found": {},
  closed: { form: "This petition is closed, so who it asks stays as it is." },
  "targets-fixed": { targetIds: "The decision makers have already been asked, so they stay as they are." },
  "response-asked": { responseThreshold: "The decision makers have already been asked for a response, so the response threshold stays as it is." },
  "meeting-asked": { meetingThreshold: "The decision makers have already been asked for a meeting, so the meeting threshold stays as it is." },
};

export async function action({ request, params }: ActionFunctionArgs) {
  const petition = await loadForOrganiser(request, params.slug);
  const formData = await request.formData();
  // A draft changes as a whole; an open petition changes only whom it asks, and when.
  if (formData.get("intent") === "asks") {
    const parsed = parseForm(PetitionAsksSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    // A threshold at or below today's count asks on saving, by email to a minister: a typo (10 for
    // 10,000) cannot be taken back, so the first press only says what will happen.
    const passes = (threshold: number | null, askedAt: Date | null) => threshold !== null && !askedAt && threshold <= petition.signature_count;
    const asksNow = petition.status === "open" && (passes(parsed.data.responseThreshold, petition.response_asked_at) || passes(parsed.data.meetingThreshold, petition.meeting_asked_at));
    // The confirmation names the numbers it was given for: change them and it asks again.
    const confirming = `${parsed.data.responseThreshold ?? ""}/${parsed.data.meetingThreshold ?? ""}`;
    if (asksNow && formData.get("confirmed") !== confirming) {
      return { confirmAsk: { count: petition.signature_count, confirming }, values: formValues(formData, PetitionAsksSchema), errors: undefined };
    }
    const saved = await setPetitionAsks(db, petition.id, parsed.data);
    if (!saved.ok) {
      if (saved.reason === "not-found") notFound();
      return invalid(ASKS_REFUSALS[saved.reason], formValues(formData, PetitionAsksSchema));
    }
    const message = saved.asked
      ? `Saved. The petition had already passed its threshold, so ${countOf(saved.asked, "decision maker")} ${saved.asked === 1 ? "was" : "were"} asked just now.`
      : "Saved. The petition page says who will be asked, and when.";
    return redirectWithFlash(request, `/petitions/${petition.slug}`, { kind: "success", message });
  }
  const parsed = parseForm(PetitionSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { closesOn, ...fields } = parsed.data;
  const saved = await editDraftPetition(db, petition.id, { ...fields, closesAt: closesOn });
  if (!saved.ok) return invalid({ form: "This petition is open, so its wording stays as people signed it." }, formValues(formData, PetitionSchema));
  return redirectWithFlash(request, `/petitions/${petition.slug}`, { kind: "success", message: "The draft is saved." });
}

export default function EditPetition() {
  const { petition, targets, locked, values: saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? saved;
  const errors = result?.errors;
  return (
    <>
      <p>
        <Link to={`/petitions/${petition.slug}`}>Back to the petition</Link>
      </p>
      <div className="form">
        {petition.status === "draft" ? (
          <>
            <ErrorSummary errors={errors} order={PETITION_FIELD_ORDER} />
            <h1>Edit the petition</h1>
            <p className="lead">Only organisers see this draft. Once it opens for signatures, its wording cannot change; whom it asks, and at what counts, can until they have been asked.</p>
            <Form method="post" noValidate>
              <PetitionFields values={values} errors={errors} targets={targets} />
              <button type="submit" className="button">
                Save the draft
              </button>
            </Form>
          </>
        ) : petition.status === "open" ? (
          <>
            <ErrorSummary errors={errors} order={PETITION_ASKS_FIELD_ORDER} />
            <h1>Who the petition asks</h1>
            <p className="lead">This petition is open, so its wording stays as people signed it. You can still choose whom it asks and at what counts, until they have been asked.</p>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="asks" />
              {result && "confirmAsk" in result && result.confirmAsk ? (
                <div className="notice notice--warning" role="alert">
                  <p>
                    <strong>
                      The petition already has {countOf(result.confirmAsk.count, "confirmed signature")}, so saving these thresholds asks the decision makers you chose
                      straight away, by email.
                    </strong>{" "}
                    Check the numbers below: once they have been asked, the threshold stays as it is. To go ahead, press &ldquo;Save and ask them now&rdquo;.
                  </p>
                  <input type="hidden" name="confirmed" value={result.confirmAsk.confirming} />
                </div>
              ) : null}
              <PetitionAsksFields values={values} errors={errors} targets={targets} locked={locked} />
              <button type="submit" className="button">
                {result && "confirmAsk" in result && result.confirmAsk ? "Save and ask them now" : "Save"}
              </button>
            </Form>
          </>
        ) : (
          <>
            <ErrorSummary errors={errors} order={PETITION_ASKS_FIELD_ORDER} />
            <h1>Edit the petition</h1>
            <p className="lead">This petition is closed, so it stays as people signed it.</p>
          </>
        )}
      </div>
    </>
  );
}
