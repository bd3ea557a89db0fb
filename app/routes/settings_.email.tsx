import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/form-field";
import { SettingsNav } from "~/components/settings-nav";
import { getMember } from "~/models/member.server";
import { requestEmailChange, requestNotificationEmail } from "~/services/account.server";
import { assertCan, requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { EmailField } from "~/utils/fields";
import { redirectWithFlash, redirectToCheckEmail } from "~/utils/flash.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { checkRateLimit, RATE_LIMITS } from "~/services/rate-limit.server";
import { invalid } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Email settings");

export const ChangeEmailSchema = z.object({ email: EmailField });
export const NotificationEmailSchema = z.object({
  notificationEmail: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(EmailField.nullable()),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await requireMember(request);
  assertCan(current, "settings.manage");
  const member = (await getMember(db, current.id))!;
  return { email: member.email ?? "", notificationEmail: member.notification_email ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const current = await requireMember(request);
  assertCan(current, "settings.manage");
  const formData = await request.formData();
  if (formData.get("intent") === "notification") {
    const parsed = parseForm(NotificationEmailSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const limited = await checkRateLimit(db, RATE_LIMITS.emailChangePerMember, String(current.id));
    if (!limited.ok) return invalid({ form: limited.message }, formValues(formData, NotificationEmailSchema), 429);
    const { pending } = await requestNotificationEmail(db, current.id, parsed.data.notificationEmail || null);
    const message = pending
      ? `We have sent a link to ${parsed.data.notificationEmail}. Notifications go there once you open it and confirm.`
      : "Notifications now go to your sign-in email.";
    return redirectWithFlash(request, "/settings/email", { kind: "success", message });
  }
  const parsed = parseForm(ChangeEmailSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  if (parsed.data.email.toLowerCase() === current.email) return invalid({ email: "That is already your email address" }, formValues(formData, ChangeEmailSchema));
  const limited = await checkRateLimit(db, RATE_LIMITS.emailChangePerMember, String(current.id));
  if (!limited.ok) return invalid({ form: limited.message }, formValues(formData, ChangeEmailSchema), 429);
  await requestEmailChange(db, current.id, parsed.data.email);
  return redirectToCheckEmail(request, "change-email", parsed.data.email);
}

export default function EmailSettings() {
  const { email, notificationEmail } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const intent = valueOf(result?.values, "intent");
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      <div className="form">
        <ErrorSummary errors={result?.errors} />
        <section className="section">
          <h2>Your sign-in email</h2>
          <p>
            You sign in with <strong>{email}</strong>. To change it, enter the new address: we will send it a link to confirm.
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="email" />
            <TextField name="email" type="email" label="New email address" autoComplete="email" spellCheck={false} defaultValue={intent === "email" ? valueOf(result?.values, "email") : ""} error={result?.errors.email} />
            <button type="submit" className="button">
              Send a confirmation link
            </button>
          </Form>
        </section>
        <section className="section">
          <h2>Where notifications go</h2>
          <p>Leave this blank to get notifications at your sign-in email.</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="notification" />
            <TextField
              name="notificationEmail"
              type="email"
              label="Notification email (optional)"
              spellCheck={false}
              defaultValue={intent === "notification" ? valueOf(result?.values, "notificationEmail") : notificationEmail}
              error={result?.errors.notificationEmail}
            />
            <button type="submit" className="button button--secondary">
              Save notification email
            </button>
          </Form>
        </section>
      </div>
    </>
  );
}
