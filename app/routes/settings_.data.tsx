import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { Checkbox } from "~/components/form-field";
import { SettingsNav } from "~/components/settings-nav";
import { deleteAccount } from "~/services/account.server";
import { assertCan, endSession, requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { optionalCheckbox, requiredCheckbox } from "~/utils/fields";
import { countPublishedTellerStories } from "~/models/story.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf } from "~/utils/forms";
import { invalid } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Your data");

export const DeleteAccountSchema = z.object({
  confirm: requiredCheckbox("Tick the box to confirm you want to delete your account"),
  leaveStories: optionalCheckbox,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  return { publishedStories: await countPublishedTellerStories(db, member.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  const parsed = parseForm(DeleteAccountSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await deleteAccount(db, member.id, { leavePublishedStories: parsed.data.leaveStories });
  if (!result.ok) {
    const message =
      result.reason === "last-admin"
        ? "You are the coalition's only admin. Make another member an admin before you delete your account."
        : `You are the only admin of ${result.organisations.join(", ")}. Make another member an admin first.`;
    return invalid({ form: message }, parsed.data.leaveStories ? { leaveStories: "yes" } : {});
  }
  const cookie = await endSession(request);
  return redirectWithFlash(request, "/", { kind: "info", message: "Your account is deleted. Thank you for taking part." }, { headers: { "Set-Cookie": cookie } });
}

export default function DataSettings() {
  const { publishedStories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      <div className="form">
        <ErrorSummary errors={result?.errors} />
        <section className="section">
          <h2>Download your data</h2>
          <p>A file with everything Chorus stores about you: your account, perspective, consents, organisations and devices, what you wrote, and the stories you told with every consent you gave and every moderation decision.</p>
          <a href="/settings/data/download" className="button button--secondary" download>
            Download my data (JSON)
          </a>
        </section>
        <section className="danger-zone">
          <h2>Delete your account</h2>
          <p>
            This removes your email, name, perspective and sessions straight away. What you wrote in discussions stays, shown as
            written by &ldquo;Former member&rdquo;, so conversations still make sense. Votes you cast stay in the totals but are no longer linked
            to you. Your stories are deleted with your account, whatever stage they are at. This cannot be undone.
          </p>
          <Form method="post" noValidate>
            {publishedStories ? (
              <Checkbox
                name="leaveStories"
                label={publishedStories === 1 ? "Leave my published story, anonymously" : `Leave my ${publishedStories} published stories, anonymously`}
                hint="If you tick this, the words of your published stories stay where they are, shown as written by “Anonymous”, for the people you chose to let read them. Nothing links them to you any more, so nobody (you included) can withdraw or change them afterwards: take out anything that could identify you first. Stories not yet published are deleted either way."
                defaultChecked={valueOf(result?.values, "leaveStories") === "yes"}
              />
            ) : null}
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
