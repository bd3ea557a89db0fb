import { Form, Link } from "@remix-run/react";
import { Checkbox, TextField } from "~/components/form-field";
import { valueOf, type FormValues } from "~/utils/forms";

/**
 * Signing without an account: name, email, an optional postcode (only its first half is kept), two
 * separate choices, and a hidden field only scripts fill in. A whole-page post even with JavaScript:
 * a valid signature is answered before Remix (app/http/petition-sign.server.ts).
 */
export function SignForm({ values, errors }: { values?: FormValues; errors?: Record<string, string> }) {
  return (
    <section className="card" id="sign" aria-labelledby="sign-heading">
      <h2 id="sign-heading">Sign this petition</h2>
      {/* A whole-page post even with JavaScript: signing is answered before Remix (petition-sign.server.ts). */}
      <Form method="post" noValidate reloadDocument>
        <input type="hidden" name="intent" value="sign" />
        <TextField name="name" label="Your name" autoComplete="name" limit={100} defaultValue={valueOf(values, "name")} error={errors?.name} />
        <TextField name="email" type="email" label="Your email address" hint="We email you a link to confirm your signature." autoComplete="email" spellCheck={false} defaultValue={valueOf(values, "email")} error={errors?.email} />
        <TextField name="postcode" label="Postcode (optional)" hint="Only the first half is kept, to show where support comes from." autoComplete="postal-code" className="input--short" defaultValue={valueOf(values, "postcode")} error={errors?.postcode} />
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor="field-website">Leave this empty</label>
          <input id="field-website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <Checkbox name="showName" label="Show my first name on this page" defaultChecked={valueOf(values, "showName") === "yes"} />
        <Checkbox name="campaignConsent" label="Email me news about this campaign (you can stop at any time)" defaultChecked={valueOf(values, "campaignConsent") === "yes"} />
        <p className="small">
          How we use your details: <Link to="/privacy">privacy notice</Link>.
        </p>
        <button type="submit" className="button">
          Sign the petition
        </button>
      </Form>
    </section>
  );
}
