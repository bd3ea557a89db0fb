import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/form-field";
import { requestPasswordReset } from "~/services/account.server";
import { db } from "~/utils/db.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { checkRateLimits, RATE_LIMITS } from "~/services/rate-limit.server";
import { invalid } from "~/utils/responses.server";
import { redirectToCheckEmail } from "~/utils/flash.server";
import { ForgotPasswordSchema } from "~/members/forms";

export const meta: MetaFunction = () => [{ title: "Forgotten password – Chorus" }];


export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(ForgotPasswordSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const limited = await checkRateLimits(db, [
    [RATE_LIMITS.linkPerIp, context.clientIp],
    [RATE_LIMITS.linkPerEmail, parsed.data.email.toLowerCase()],
  ]);
  if (!limited.ok) return invalid({ form: limited.message }, formValues(formData, ForgotPasswordSchema), 429);
  await requestPasswordReset(db, parsed.data.email);
  return redirectToCheckEmail(request, "reset", parsed.data.email);
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  return (
    <div className="form">
      <ErrorSummary errors={result?.errors} />
      <h1>Forgotten your password?</h1>
      <p>Enter your email address and we will send you a link to set a new password.</p>
      <Form method="post" noValidate>
        <TextField name="email" type="email" label="Email address" autoComplete="email" spellCheck={false} defaultValue={valueOf(result?.values, "email")} error={result?.errors.email} />
        <button type="submit" className="button">
          Send me a link
        </button>
      </Form>
    </div>
  );
}
