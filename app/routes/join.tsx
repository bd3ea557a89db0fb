import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { Checkbox, TextField } from "~/components/form-field";
import { joinCoalition } from "~/services/account.server";
import { getCurrentMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { checkRateLimits, RATE_LIMITS } from "~/services/rate-limit.server";
import { invalid } from "~/utils/responses.server";
import { redirectToCheckEmail } from "~/utils/flash.server";
import { JoinSchema } from "~/members/forms";

export const meta: MetaFunction = () => [{ title: "Join Chorus" }];


export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  if (member) throw redirect("/settings");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(JoinSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const limited = await checkRateLimits(db, [
    [RATE_LIMITS.joinPerIp, context.clientIp],
    [RATE_LIMITS.joinPerEmail, parsed.data.email.toLowerCase()],
  ]);
  if (!limited.ok) return invalid({ form: limited.message }, formValues(formData, JoinSchema), 429);
  await joinCoalition(db, { email: parsed.data.email, displayName: parsed.data.displayName, password: parsed.data.password });
  // The same answer whether or not the email was already registered.
  return redirectToCheckEmail(request, "join", parsed.data.email);
}

const ORDER = ["email", "displayName", "password", "adult", "terms"];

export default function Join() {
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values;
  return (
    <div className="form">
      <ErrorSummary errors={errors} order={ORDER} />
      <h1>Join Chorus</h1>
      <p className="lead">Members propose, discuss and vote on what our coalition campaigns for.</p>
      <Form method="post" noValidate>
        <TextField name="email" type="email" label="Email address" autoComplete="email" spellCheck={false} defaultValue={valueOf(values, "email")} error={errors?.email} hint="We will send you a link to confirm it. We never show it to other members." />
        <TextField
          name="displayName"
          label="The name others will see"
          hint="A pseudonym is fine. You never need to give your real name."
          autoComplete="nickname"
          defaultValue={valueOf(values, "displayName")}
          error={errors?.displayName}
        />
        <TextField
          name="password"
          type="password"
          label="Password (optional)"
          hint="At least 8 characters. Or leave it blank and sign in with a link we email you each time."
          autoComplete="new-password"
          error={errors?.password}
        />
        <Checkbox name="adult" label="I am 18 or over" defaultChecked={valueOf(values, "adult") === "yes"} error={errors?.adult} />
        <Checkbox
          name="terms"
          label={
            <>
              I agree to the <Link to="/terms">terms of membership</Link> and the <Link to="/privacy">privacy notice</Link>
            </>
          }
          hint="Telling us about your own experience of mental health is separate and optional: we ask after you join."
          defaultChecked={valueOf(values, "terms") === "yes"}
          error={errors?.terms}
        />
        <button type="submit" className="button">
          Join
        </button>
      </Form>
      <p className="small">
        Already a member? <Link to="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
