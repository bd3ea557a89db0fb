import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { Checkbox, ChoiceGroup } from "~/components/form-field";
import { SettingsNav } from "~/components/settings-nav";
import { hasActiveConsent, listPerspectives } from "~/models/consent.server";
import { assertCan, requireMember } from "~/members/session.server";
import { savePerspectives, withdrawPerspectives } from "~/services/perspectives.server";
import { db } from "~/utils/db.server";
import { requiredCheckbox } from "~/utils/fields";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf, valuesOf } from "~/utils/forms";
import { PERSPECTIVE_LABELS, PERSPECTIVES } from "~/members/perspectives";
import { invalid } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Your perspective");

export const PerspectivesSchema = z.object({
  consent: requiredCheckbox("Tick the box to agree, or leave this page if you would rather not say"),
  perspectives: z
    .union([z.enum(PERSPECTIVES), z.array(z.enum(PERSPECTIVES))], { error: "Choose at least one perspective" })
    .transform((v) => (Array.isArray(v) ? v : [v])),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  const [consented, perspectives] = await Promise.all([hasActiveConsent(db, member.id, "perspectives"), listPerspectives(db, member.id)]);
  return { consented, perspectives };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  const formData = await request.formData();
  if (formData.get("intent") === "withdraw") {
    await withdrawPerspectives(db, member.id);
    return redirectWithFlash(request, "/settings/perspectives", { kind: "success", message: "We have deleted your perspective and recorded that you withdrew consent." });
  }
  const parsed = parseForm(PerspectivesSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await savePerspectives(db, member.id, parsed.data.perspectives);
  // A new member answering on their first visit goes on to what needs their input.
  const next = formData.get("welcome") === "1" ? "/" : "/settings/perspectives";
  return redirectWithFlash(request, next, { kind: "success", message: "Your perspective is saved." });
}

export default function PerspectiveSettings() {
  const { consented, perspectives } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const selected = result?.values ? valuesOf(result.values, "perspectives") : perspectives;
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      <div className="form">
        <ErrorSummary errors={result?.errors} order={["perspectives", "consent"]} />
        <h2>Your perspective (optional)</h2>
        {params.get("welcome") ? (
          <p className="lead">One optional question before you start. You can skip it and answer later, or never.</p>
        ) : null}
        <div className="notice">
          <p>
            <strong>This is health information.</strong> Telling us whether you have lived experience of mental distress is sensitive.
            We only use it to count, anonymously, how members with each perspective voted, and we hide any group smaller than 5 people.
          </p>
          <p>It is never shown on your profile or next to your name. You can change it or withdraw it at any time; withdrawing deletes it.</p>
        </div>
        <Form method="post" noValidate>
          <ChoiceGroup
            name="perspectives"
            type="checkbox"
            legend="Which of these describe you?"
            hint="Choose all that apply."
            error={result?.errors.perspectives}
            options={PERSPECTIVES.map((p) => ({ value: p, label: PERSPECTIVE_LABELS[p].label, hint: PERSPECTIVE_LABELS[p].hint }))}
            selected={selected}
          />
          <Checkbox
            name="consent"
            label="I agree that Chorus may store my perspective and use it only in anonymous totals"
            defaultChecked={consented || valueOf(result?.values, "consent") === "yes"}
            error={result?.errors.consent}
          />
          {params.get("welcome") ? <input type="hidden" name="welcome" value="1" /> : null}
          <div className="button-row">
            <button type="submit" className="button" name="intent" value="save">
              Save my perspective
            </button>
            {params.get("welcome") ? <Link to="/">Skip for now</Link> : null}
          </div>
        </Form>
        {consented ? (
          <Form method="post" className="section">
            <h3>Withdraw</h3>
            <p>This deletes your answers and records that you withdrew your consent.</p>
            <button type="submit" className="button button--secondary" name="intent" value="withdraw">
              Withdraw and delete my perspective
            </button>
          </Form>
        ) : null}
      </div>
    </>
  );
}
