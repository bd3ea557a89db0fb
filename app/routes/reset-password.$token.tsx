import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/form-field";
import { findUsableEmailToken } from "~/models/email-token.server";
import { resetPassword } from "~/services/account.server";
import { startSession } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { invalid } from "~/utils/responses.server";
import { hashToken } from "~/utils/tokens.server";
import { ResetPasswordSchema } from "~/members/forms";

export const meta: MetaFunction = () => [{ title: "Set a new password – Chorus" }];


export async function loader({ params }: LoaderFunctionArgs) {
  const token = await findUsableEmailToken(db, hashToken(params.token ?? ""), "reset_password");
  return { valid: Boolean(token) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = parseForm(ResetPasswordSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors);
  const memberId = await resetPassword(db, params.token ?? "", parsed.data.password);
  if (!memberId) return invalid({ form: "That link has expired or was already used. Ask for a new one." });
  const cookie = await startSession(db, memberId, request);
  return redirectWithFlash(request, "/settings", { kind: "success", message: "Your new password is set. You have been signed out everywhere else." }, { headers: { "Set-Cookie": cookie } });
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!valid && !result) {
    return (
      <div className="prose">
        <h1>This link has expired</h1>
        <p>Links to set a new password work once and for an hour.</p>
        <p>
          <Link to="/forgot-password" className="button">
            Get a new link
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="form">
      <ErrorSummary errors={result?.errors} />
      <h1>Set a new password</h1>
      <Form method="post" noValidate>
        <TextField name="password" type="password" label="New password" hint="8 to 128 characters. Avoid common passwords." autoComplete="new-password" error={result?.errors.password} />
        <button type="submit" className="button">
          Set password
        </button>
      </Form>
    </div>
  );
}
