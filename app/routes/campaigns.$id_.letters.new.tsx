import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TARGET_ROLES } from "../../db/schema";
import { ErrorSummary } from "~/components/error-summary";
import { Checkbox, ChoiceGroup, SelectField, TextArea, TextField } from "~/components/form-field";
import { listTargetChoices } from "~/models/target.server";
import { createLetterCampaign } from "~/services/letter.server";
import { requireCampaignManager } from "~/campaigns/access.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf, valuesOf } from "~/utils/forms";
import { LetterCampaignSchema } from "~/letters/forms";
import { describeTarget, TARGET_ROLE_LABELS } from "~/letters/rules";
import { invalid } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";
import { UK_DATE_HINT } from "~/utils/uk-dates";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "New letter campaign", args.data?.campaign.title ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireCampaignManager(request, params.id);
  const targets = await listTargetChoices(db);
  return {
    campaign: { id: campaign.id, title: campaign.title, ask: campaign.ask },
    targets: targets.map((t) => ({ id: String(t.id), label: describeTarget(t), bounced: Boolean(t.bounced_at) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, campaign } = await requireCampaignManager(request, params.id);
  const parsed = parseForm(LetterCampaignSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const lc = await createLetterCampaign(db, campaign.id, member.id, parsed.data);
  return redirectWithFlash(request, `/letters/${lc.slug}/manage`, { kind: "success", message: "The letter campaign is saved as a draft. Try it, then open it to supporters." });
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const HOURS = Array.from({ length: 25 }, (_, h) => ({ value: h, label: `${String(h).padStart(2, "0")}:00` }));

export default function NewLetterCampaign() {
  const { campaign, targets } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values;
  // A fresh form starts with the quiet defaults: weekdays, office hours, test mode on.
  const fresh = !values;
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.id}/manage`}>Back to managing the campaign</Link>
      </p>
      <div className="form">
        <ErrorSummary errors={errors} order={["title", "ask", "talkingPoints", "suggestedSubject", "guidance", "targetIds", "ownRoles", "hourlyCap", "windowDays", "windowStart", "windowEnd", "endsOn"]} />
        <h1>New letter campaign for &ldquo;{campaign.title}&rdquo;</h1>
        <p className="lead">Supporters write to decision makers in their own words. You give them the ask, talking points and guidance; they write the letter.</p>
        <Form method="post" noValidate>
          <TextField name="title" label="Title" hint="What supporters see, like: Write to your MP about crisis houses." limit={150} defaultValue={valueOf(values, "title")} error={errors?.title} />
          <TextField name="ask" label="The ask, in one sentence" limit={300} defaultValue={valueOf(values, "ask")} error={errors?.ask} />
          <TextArea name="talkingPoints" label="Talking points" hint="One per line. Shown beside the letter for inspiration, never pasted into it: identical letters get ignored." limit={5_000} rows={6} defaultValue={valueOf(values, "talkingPoints")} error={errors?.talkingPoints} />
          <TextField name="suggestedSubject" label="Suggested subject line" limit={150} defaultValue={valueOf(values, "suggestedSubject")} error={errors?.suggestedSubject} />
          <TextArea name="guidance" label="Guidance for the personal part" hint="What might supporters say about their own experience? Keep it gentle: people may be writing about their own mental health." limit={2_000} rows={4} defaultValue={valueOf(values, "guidance")} error={errors?.guidance} />
          <ChoiceGroup
            name="targetIds"
            type="checkbox"
            legend="Decision makers every letter goes to"
            hint={targets.length ? "Leave all unticked to write only to supporters' own representatives." : "The directory is empty: add decision makers first."}
            error={errors?.targetIds}
            options={targets.map((t) => ({ value: t.id, label: t.label, hint: t.bounced ? "Their address bounced: letters to them are skipped until it is fixed." : undefined }))}
            selected={valuesOf(values, "targetIds")}
          />
          <p className="small">
            Someone missing? <Link to="/targets/new">Add a decision maker</Link> (this form keeps nothing: add them first).
          </p>
          <ChoiceGroup
            name="ownRoles"
            type="checkbox"
            legend="Also write to the supporter's own"
            hint="Found from the supporter's postcode, among decision makers of these kinds covering it."
            options={TARGET_ROLES.map((r) => ({ value: r, label: TARGET_ROLE_LABELS[r] }))}
            selected={fresh ? ["mp"] : valuesOf(values, "ownRoles")}
          />
          <TextField name="hourlyCap" inputMode="numeric" className="input--short" label="Letters per decision maker per hour, at most" hint="Pacing keeps an office's inbox usable; the rest wait their turn." defaultValue={fresh ? "20" : valueOf(values, "hourlyCap")} error={errors?.hourlyCap} />
          <ChoiceGroup
            name="windowDays"
            type="checkbox"
            legend="Days letters are sent"
            error={errors?.windowDays}
            options={DAYS.map((d, i) => ({ value: String(i + 1), label: d }))}
            selected={fresh ? ["1", "2", "3", "4", "5"] : valuesOf(values, "windowDays")}
          />
          <SelectField id="field-windowStart" name="windowStart" label="Sending starts at (UK time)" defaultValue={fresh ? 8 : valueOf(values, "windowStart")} options={HOURS.slice(0, 24)} />
          <SelectField id="field-windowEnd" name="windowEnd" label="Sending stops at (UK time)" defaultValue={fresh ? 18 : valueOf(values, "windowEnd")} options={HOURS.slice(1)} />
          {errors?.windowEnd ? <p className="field__error">{errors.windowEnd}</p> : null}
          <TextField name="endsOn" className="input--short" label="Last day for writing (optional)" hint={`Day, month and year. ${UK_DATE_HINT}`} defaultValue={valueOf(values, "endsOn")} error={errors?.endsOn} />
          <Checkbox name="testMode" label="Test mode: send every letter to me instead" hint="Try the whole journey first. Switch it off on the letter campaign's page when you are ready." defaultChecked={fresh || valueOf(values, "testMode") === "yes"} />
          <button type="submit" className="button">
            Save the draft
          </button>
        </Form>
      </div>
    </>
  );
}
