import { Form, Link } from "@remix-run/react";
import { ErrorSummary } from "./error-summary";
import { STORY_FIELD_ORDER, StoryConsentFields, StoryNotice, StoryTextFields } from "./story-fields";
import type { FieldErrors, FormValues } from "~/utils/forms";

type Data =
  | { usable: false; back: string; hours: number }
  | { usable: true; back: string; hours: number; storiesLeft: number; cameFrom: string; demands: Array<{ id: number; title: string }>; initial: FormValues };

/** The "add your story" page after confirming a signature or a letter, without an account. */
export function StoryWithoutAccount({ data, told, result, backLabel }: { data: Data; told: boolean; result: { errors: FieldErrors; values: FormValues } | undefined; backLabel: string }) {
  if (!data.usable) {
    return (
      <div className="prose">
        <h1>This link cannot add a story</h1>
        <p>A story can be added with the link from your confirmation email for {data.hours} hours after you confirm. If you have an account, you can tell your story from your account at any time.</p>
        <p>
          <Link to={data.back} className="button">
            {backLabel}
          </Link>
        </p>
      </div>
    );
  }
  if (told || data.storiesLeft === 0) {
    return (
      <div className="prose">
        <h1>Thank you for your story</h1>
        <p>A moderator will read it before anyone else can. We have emailed you a link to see whether it is published, change your choices or withdraw it, at any time. The email does not contain your story.</p>
        {data.storiesLeft > 0 ? (
          <p>
            <Link to="?">Add another story</Link>
          </p>
        ) : null}
        <p>
          <Link to={data.back} className="button">
            {backLabel}
          </Link>
        </p>
      </div>
    );
  }
  const values = result?.values ?? data.initial;
  return (
    <>
      <ErrorSummary errors={result?.errors} order={STORY_FIELD_ORDER} />
      <h1>Add your story (optional)</h1>
      <p className="lead">Thank you for {data.cameFrom}. If you want to, tell what happened to you, in your own words: stories help decision makers understand why this matters. You do not need an account.</p>
      <StoryNotice withAccount={false} />
      <Form method="post" className="form" noValidate>
        <h2>Your story</h2>
        <StoryTextFields values={values} errors={result?.errors} demands={data.demands} />
        <h2>Your choices</h2>
        <StoryConsentFields values={values} errors={result?.errors} withAccount={false} />
        <button type="submit" className="button">
          Send my story for review
        </button>
      </Form>
      <p>
        <Link to={data.back}>No thanks, {backLabel.toLowerCase()}</Link>
      </p>
    </>
  );
}
