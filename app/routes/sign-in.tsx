import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/form-field";
import { requestSignInLink, signInWithPassword } from "~/services/account.server";
import { getCurrentMember, safeRedirect, startSession } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash, redirectToCheckEmail } from "~/utils/flash.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { checkRateLimits, RATE_LIMITS } from "~/services/rate-limit.server";
import { invalid } from "~/utils/responses.server";
import { PasswordSignInSchema, LinkSignInSchema } from "~/members/forms";

export const meta: MetaFunction = () => [{ title: "Sign in – Chorus" }];


export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  if (member) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/"));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  const redirectTo = safeRedirect(formData.get("redirectTo"), "/");

  if (intent === "link") {
    const parsed = parseForm(LinkSignInSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const email = parsed.data["link-email"];
    const limited = await checkRateLimits(db, [
      [RATE_LIMITS.linkPerIp, context.clientIp],
      [RATE_LIMITS.linkPerEmail, email.toLowerCase()],
    ]);
    if (!limited.ok) return invalid({ form: limited.message }, formValues(formData, LinkSignInSchema), 429);
    await requestSignInLink(db, email);
    return redirectToCheckEmail(request, "sign-in", email);
  }

  const parsed = parseForm(PasswordSignInSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const limited = await checkRateLimits(db, [
    [RATE_LIMITS.signInPerIp, context.clientIp],
    [RATE_LIMITS.signInPerIpAndEmail, `${context.clientIp}:${parsed.data.email.toLowerCase()}`],
    [RATE_LIMITS.signInPerEmail, parsed.data.email.toLowerCase()],
  ]);
  if (!limited.ok) return invalid({ form: limited.message }, formValues(formData, PasswordSignInSchema), 429);
  const memberId = await signInWithPassword(db, parsed.data.email, parsed.data.password);
  // One message for an unknown email, a wrong password and an unconfirmed account.
  if (!memberId) return invalid({ password: "Email or password is not right. Check them, or sign in with an email link instead" }, formValues(formData, PasswordSignInSchema));
  const cookie = await startSession(db, memberId, request);
  return redirectWithFlash(request, redirectTo, { kind: "success", message: "You are signed in." }, { headers: { "Set-Cookie": cookie } });
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo") ?? valueOf(result?.values, "redirectTo");
  const errors = result?.errors;
  const values = result?.values;
  return (
    <div className="form">
      <ErrorSummary errors={errors} order={["email", "password", "link-email"]} />
      <h1>Sign in</h1>
      <h2>With your password</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="password" />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField name="email" type="email" label="Email address" autoComplete="email" spellCheck={false} defaultValue={valueOf(values, "email")} error={errors?.email} />
        <TextField name="password" type="password" label="Password" autoComplete="current-password" error={errors?.password} />
        <button type="submit" className="button">
          Sign in
        </button>
      </Form>
      <p className="small">
        <Link to="/forgot-password">Forgotten your password?</Link>
      </p>

      <h2>With a link by email</h2>
      <p>No password needed: we email you a link that signs you in. It works once, for an hour.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="link" />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField name="link-email" type="email" label="Email address" autoComplete="email" spellCheck={false} defaultValue={valueOf(values, "link-email")} error={errors?.["link-email"]} />
        <button type="submit" className="button button--secondary">
          Email me a sign-in link
        </button>
      </Form>
      <p className="small">
        New here? <Link to="/join">Join Chorus</Link>
      </p>
    </div>
  );
}
