import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { Checkbox, TextArea, TextField } from "~/components/form-field";
import { acceptingLetters, writeLetter } from "~/services/letter.server";
import { findRecipients, type LookupOutcome } from "~/services/representative-lookup.server";
import { lookupMessage } from "~/letters/lookup/messages";
import { networkHash } from "~/services/petition.server";
import { db } from "~/utils/db.server";
import { getAppUrl } from "~/utils/env.server";
import { redirectToCheckEmail } from "~/utils/flash.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { loadLetterCampaignFor } from "~/letters/access.server";
import { PostcodeField, WriteSchema } from "~/letters/forms";
import { assembleLetter } from "../../emails/letter-text";
import { describeWindow, PERSONAL_MIN, targetDetails } from "~/letters/rules";
import { formatCalendarDate } from "~/utils/london-time";
import { checkRateLimits, RATE_LIMITS } from "~/services/rate-limit.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [
        ...pageTitle({ matches }, data.lc.title, "Letters"),
        { name: "description", content: data.lc.ask },
        { property: "og:type", content: "website" },
        { property: "og:title", content: data.lc.title },
        { property: "og:description", content: data.lc.ask },
        { property: "og:url", content: data.shareUrl },
      ]
    : pageTitle({ matches }, "Write a letter");

// The page carries what a supporter is writing: never cached.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

type Recipient = { id: number; name: string; details: string; email: string };

/**
 * Who a letter from this postcode goes to, with the addresses "send it yourself" needs, and what the
 * MP lookup (when it is on) found.
 */
async function recipientsFor(lc: Parameters<typeof findRecipients>[1], postcode: Parameters<typeof findRecipients>[2]): Promise<{ recipients: Recipient[]; lookup: LookupOutcome | null }> {
  const found = await findRecipients(db, lc, postcode);
  return { recipients: found.recipients.map((t) => ({ id: t.id, name: t.name, details: targetDetails(t), email: t.email })), lookup: found.lookup };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lc, campaign, manage } = await loadLetterCampaignFor(request, params.slug);
  const raw = new URL(request.url).searchParams.get("postcode");
  let postcode: { value: string; error: string | null; recipients: Recipient[]; lookup: LookupOutcome | null } | null = null;
  if (raw !== null) {
    const parsed = PostcodeField.safeParse(raw);
    postcode = parsed.success
      ? { value: parsed.data.postcode, error: null, ...(await recipientsFor(lc, parsed.data)) }
      : { value: raw.slice(0, 10), error: parsed.error.issues[0]?.message ?? "Enter your full postcode, like LS6 1AN", recipients: [], lookup: null };
  }
  return {
    lc: {
      slug: lc.slug,
      title: lc.title,
      ask: lc.ask,
      talkingPoints: lc.talking_points.split(/\r?\n/).map((l) => l.replace(/^[-*•]\s*/, "").trim()).filter(Boolean),
      guidance: lc.guidance,
      suggestedSubject: lc.suggested_subject,
      status: lc.status,
      testMode: lc.test_mode,
      endsOn: lc.ends_on,
      accepting: acceptingLetters(lc),
      window: describeWindow({ days: lc.window_days, start: lc.window_start, end: lc.window_end }),
    },
    campaign: { id: campaign.id, title: campaign.title },
    manage,
    postcode,
    shareUrl: `${getAppUrl()}/letters/${lc.slug}`,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lc } = await loadLetterCampaignFor(request, params.slug);
  const formData = await request.formData();
  if (!acceptingLetters(lc)) return step("write", { values: formValues(formData, WriteSchema), errors: { form: "This letter campaign is not taking letters now." } }, 400);
  const intent = String(formData.get("intent"));
  const parsed = parseForm(WriteSchema, formData);
  const { recipients, lookup } = parsed.ok ? await recipientsFor(lc, parsed.data.postcode) : { recipients: [], lookup: null };
  // "Change my letter": back to the form with everything kept.
  if (intent === "edit") return step("write", { values: formValues(formData, WriteSchema), recipients, lookup });
  if (!parsed.ok) return step("write", { values: parsed.values, errors: parsed.errors, recipients }, 400);
  if (!recipients.length) return step("write", { values: formValues(formData, WriteSchema), errors: { postcode: "No decision maker in this campaign covers that postcode" }, lookup }, 400);
  const { postcode, website, campaignNews, ...words } = parsed.data;
  const parts = { ...words, postcode: postcode.postcode };
  if (intent === "send") {
    // A filled-in hidden field is a script: it sees the same page as everyone, and nothing is sent.
    if (!website) {
      const ip = context.clientIp;
      const limited = await checkRateLimits(db, [
        [RATE_LIMITS.letterPerIp, ip],
        [RATE_LIMITS.letterPerEmail, words.email.trim().toLowerCase()],
      ]);
      if (!limited.ok) return step("preview", { values: formValues(formData, WriteSchema), errors: { form: limited.message }, letters: lettersFor(recipients, parts), recipients, lookup }, 429);
      await writeLetter(db, lc, { ...parts, email: words.email, outward: postcode.outward, area: postcode.area, ipHash: networkHash(ip), representativeId: lookup?.representativeId ?? null, campaignConsent: campaignNews });
    }
    return redirectToCheckEmail(request, "letter", words.email);
  }
  return step("preview", { values: formValues(formData, WriteSchema), letters: lettersFor(recipients, parts), recipients, lookup });
}

type Step = {
  values: Record<string, string | string[]>;
  errors?: Record<string, string>;
  letters?: ReturnType<typeof lettersFor>;
  recipients?: Recipient[];
  lookup?: LookupOutcome | null;
};
/** Every answer of the writing form has one shape: which step to show, with what was typed. */
function step(name: "write" | "preview", body: Step, status = 200) {
  return data({ step: name, values: body.values, errors: body.errors, letters: body.letters ?? null, recipients: body.recipients ?? [], lookup: body.lookup ?? null }, { status });
}

function lettersFor(recipients: Recipient[], parts: Parameters<typeof assembleLetter>[1]) {
  return recipients.map((r) => {
    const letter = assembleLetter(r.name, parts);
    return {
      to: r.name,
      subject: letter.subject,
      paragraphs: letter.paragraphs,
      footer: letter.footer,
      mailto: `mailto:${encodeURIComponent(r.email)}?subject=${encodeURIComponent(letter.subject)}&body=${encodeURIComponent(letter.paragraphs.join("\n\n"))}`,
    };
  });
}

const WRITE_FIELDS = ["postcode", "subject", "opening", "personal", "name", "email", "campaignNews"] as const;

export default function WriteLetter() {
  const { lc, campaign, manage, postcode } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values;
  const errors = result?.errors;
  const recipients = result?.recipients.length ? result.recipients : (postcode?.recipients ?? []);
  const postcodeValue = valueOf(values, "postcode") || postcode?.value || "";
  const lookup = lookupMessage(result?.lookup ?? postcode?.lookup ?? null, postcodeValue);
  const writing = result?.step === "write" || (!result && postcode !== null && !postcode.error && recipients.length > 0);
  return (
    <>
      <p className="no-print">
        Part of the campaign <Link to={`/campaigns/${campaign.id}`}>{campaign.title}</Link>
      </p>
      <ErrorSummary errors={errors ?? (postcode?.error ? { postcode: postcode.error } : undefined)} order={[...WRITE_FIELDS]} />
      <div className="page-heading no-print">
        <h1>{lc.title}</h1>
        <p className="lead">{lc.ask}</p>
      </div>
      {manage ? (
        <div className="notice no-print">
          <p>
            <strong>You organise this campaign.</strong> {lc.status === "draft" ? "Only organisers can see this draft." : null} {lc.testMode ? "Test mode is on: letters go to the organiser who set it up." : null}{" "}
            <Link to={`/letters/${lc.slug}/manage`}>Manage the letters</Link>
          </p>
        </div>
      ) : null}
      {!lc.accepting ? (
        <div className="notice">
          <p>{lc.status === "draft" ? "This letter campaign is not open yet." : "This letter campaign has finished. Thank you to everyone who wrote."}</p>
        </div>
      ) : result?.step === "preview" && result.letters ? (
        <Preview letters={result.letters} values={result.values} />
      ) : (
        <>
          {lc.testMode ? <p className="notice no-print">This letter campaign is being tested: letters go to its organisers, not to decision makers.</p> : null}
          <section aria-labelledby="postcode-heading" className="no-print">
            <h2 id="postcode-heading">1. Who you are writing to</h2>
            <p>Your letter goes to the decision makers for where you live, so it counts. We need your full postcode to find them; it appears under your name in the letter.</p>
            <Form method="get" noValidate className="filters" aria-label="Find who to write to">
              <TextField name="postcode" label="Your postcode" autoComplete="postal-code" className="input--short" defaultValue={postcodeValue} error={!result ? (postcode?.error ?? undefined) : undefined} />
              <button type="submit" className="button button--secondary">
                Find who to write to
              </button>
            </Form>
            {lookup ? <p className={lookup.fallback ? "notice" : undefined}>{lookup.text}</p> : null}
            {postcode && !postcode.error && !recipients.length ? <p className="notice">No decision maker in this campaign covers {postcode.value}. Check the postcode, or see the campaign&apos;s other ways to help.</p> : null}
            {recipients.length ? (
              <>
                <p>Your letter will go to:</p>
                <ul className="recipients">
                  {recipients.map((r) => (
                    <li key={r.id}>
                      <strong>{r.name}</strong>
                      {r.details ? `, ${r.details}` : ""}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          {writing ? <WriteForm lc={lc} values={values} errors={errors} postcode={postcodeValue} /> : null}
        </>
      )}
      <p className="small muted no-print">
        Letters go out {lc.window}, a few at a time, so every office can read them.
        {lc.endsOn ? ` You can write until ${formatCalendarDate(lc.endsOn)}.` : ""} How we use your details: <Link to="/privacy">privacy notice</Link>.
      </p>
    </>
  );
}

function WriteForm({ lc, values, errors, postcode }: { lc: { talkingPoints: string[]; guidance: string; suggestedSubject: string }; values: Record<string, string | string[]> | undefined; errors: Record<string, string> | undefined; postcode: string }) {
  return (
    <section aria-labelledby="write-heading" className="no-print">
      <h2 id="write-heading">2. Write your letter</h2>
      {/* The talking points come before the box people write in (on a phone, above it; wide, beside it). */}
      <div className="demand-layout demand-layout--side-first">
        <aside className="demand-aside" aria-labelledby="points-heading">
          <section className="card talking-points">
            <h3 id="points-heading">Talking points</h3>
            <p className="small">For inspiration: letters in people&apos;s own words are the ones offices read.</p>
            <ul>
              {lc.talkingPoints.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </section>
        </aside>
        <Form method="post" noValidate className="form">
          <input type="hidden" name="postcode" value={postcode} />
          <TextField name="subject" label="Subject" limit={150} defaultValue={valueOf(values, "subject") || lc.suggestedSubject} error={errors?.subject} />
          <TextArea name="opening" label="Opening" hint="Who you are and what you are asking for, in a sentence or two." limit={1_000} rows={3} defaultValue={valueOf(values, "opening")} error={errors?.opening} />
          <TextArea
            name="personal"
            label="In your own words: why this matters to you"
            hint={`${lc.guidance} Share only what you are comfortable sharing.`}
            limit={3_000}
            minimum={PERSONAL_MIN}
            rows={8}
            defaultValue={valueOf(values, "personal")}
            error={errors?.personal}
          />
          <TextField name="name" label="Your name" hint="It signs the letter." autoComplete="name" limit={100} defaultValue={valueOf(values, "name")} error={errors?.name} />
          <TextField name="email" type="email" label="Your email address" hint="We email you a link to confirm before anything is sent. Replies come straight to you." autoComplete="email" spellCheck={false} defaultValue={valueOf(values, "email")} error={errors?.email} />
          <Checkbox
            name="campaignNews"
            label="Email me when decision makers respond to this campaign"
            hint="Only news of responses to this campaign, with a link in every email to stop. Your address goes with the rest of your details when the campaign's letters are anonymised."
            defaultChecked={valueOf(values, "campaignNews") === "yes"}
          />
          <div className="visually-hidden" aria-hidden="true">
            <label htmlFor="field-website">Leave this empty</label>
            <input id="field-website" name="website" tabIndex={-1} autoComplete="off" />
          </div>
          <button type="submit" name="intent" value="preview" className="button">
            Preview my letter
          </button>
        </Form>
      </div>
    </section>
  );
}

function Preview({ letters, values }: { letters: Array<{ to: string; subject: string; paragraphs: string[]; footer: string; mailto: string }>; values: Record<string, string | string[]> }) {
  const carried = WRITE_FIELDS.map((name) => <input key={name} type="hidden" name={name} value={valueOf(values, name)} />);
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading" className="no-print">
        3. Check your letter
      </h2>
      <p className="no-print">This is exactly what {letters.length === 1 ? "the decision maker receives" : "each decision maker receives"}, from the coalition&apos;s address with yours to reply to.</p>
      {letters.map((l) => (
        <article key={l.to} className="letter" aria-label={`Letter to ${l.to}`}>
          <p className="letter__subject">Subject: {l.subject}</p>
          {l.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          <p className="letter__footer">{l.footer}</p>
        </article>
      ))}
      <Form method="post" className="button-row no-print">
        {carried}
        <button type="submit" name="intent" value="send" className="button">
          Send through Chorus
        </button>
        <button type="submit" name="intent" value="edit" className="button button--secondary">
          Change my letter
        </button>
      </Form>
      <section aria-labelledby="yourself-heading" className="no-print">
        <h3 id="yourself-heading">Or send it yourself</h3>
        <p>From your own email program (the letter is filled in for you), or print this page: only the letters print.</p>
        <ul>
          {letters.map((l) => (
            <li key={l.to}>
              <a href={l.mailto}>Email it to {l.to} yourself</a>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
