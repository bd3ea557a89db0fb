import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { Checkbox } from "~/components/form-field";
import { SettingsNav } from "~/components/settings-nav";
import { deleteAccount } from "~/services/account.server";
import { assertCan, endSession, requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { requiredCheckbox } from "~/utils/fields";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { invalid } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Your data");

export const DeleteAccountSchema = z.object({
  confirm: requiredCheckbox("Tick the box to confirm you want to delete your account"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  const parsed = parseForm(DeleteAccountSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors);
  const result = await deleteAccount(db, member.id);
  if (!result.ok) {
    const message =
      result.reason === "last-admin"
        ? "You are the coalition's only admin. Make another member an admin before you delete your account."
        : `You are the only admin of ${result.organisations.join(", ")}. Make another member an admin first.`;
    return invalid({ form: message });
  }
  const cookie = await endSession(request);
  return redirectWithFlash(request, "/", { kind: "info", message: "Your account is deleted. Thank you for taking part." }, { headers: { "Set-Cookie": cookie } });
}

export default function DataSettings() {
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      <div className="form">
        <ErrorSummary errors={result?.errors} />
        <section className="section">
          <h2>Download your data</h2>
          <p>A file with everything Chorus stores about you: your account, perspective, consents, organisations and devices.</p>
          <a href="/settings/data/download" className="button button--secondary" download>
            Download my data (JSON)
          </a>
        </section>
        <section className="danger-zone">
          <h2>Delete your account</h2>
          <p>
            This removes your email, name, perspective and sessions straight away. What you wrote in discussions stays, shown as
            written by &ldquo;Former member&rdquo;, so conversations still make sense. Votes you cast stay in the totals but are no longer linked
            to you. This cannot be undone.
          </p>
          <Form method="post" noValidate>
            <Checkbox name="confirm" label="I understand, delete my account" error={result?.errors.confirm} />
            <button type="submit" className="button button--warning">
              Delete my account
            </button>
          </Form>
        </section>
      </div>
    </>
  );
}
