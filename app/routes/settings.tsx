import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { TextArea, TextField } from "~/components/form-field";
import { SettingsNav } from "~/components/settings-nav";
import { getMember } from "~/models/member.server";
import { assertCan, requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { DisplayNameField, multiline, optionalText } from "~/utils/fields";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valueOf } from "~/utils/forms";
import { invalid } from "~/utils/responses.server";
import { saveProfile } from "~/services/account.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Your profile");

export const ProfileSchema = z.object({
  displayName: DisplayNameField,
  pronouns: optionalText(30, "Pronouns"),
  bio: multiline(optionalText(500, "About you")),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await requireMember(request);
  assertCan(current, "settings.manage");
  const member = (await getMember(db, current.id))!;
  return { profile: { displayName: member.display_name, pronouns: member.pronouns ?? "", bio: member.bio ?? "" } };
}

export async function action({ request }: ActionFunctionArgs) {
  const current = await requireMember(request);
  assertCan(current, "settings.manage");
  const parsed = parseForm(ProfileSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await saveProfile(db, current.id, parsed.data);
  return redirectWithFlash(request, "/settings", { kind: "success", message: "Your profile is saved." });
}

export default function ProfileSettings() {
  const { profile } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? profile;
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      <div className="form">
        <ErrorSummary errors={result?.errors} order={["displayName", "pronouns", "bio"]} />
        <h2>Your profile</h2>
        <p>Other members see this next to what you write. Your perspective is never shown here.</p>
        <Form method="post" noValidate>
          <TextField name="displayName" label="The name others will see" hint="A pseudonym is fine." limit={60} defaultValue={valueOf(values, "displayName")} error={result?.errors.displayName} autoComplete="nickname" />
          <TextField name="pronouns" label="Pronouns (optional)" className="input--short" defaultValue={valueOf(values, "pronouns")} error={result?.errors.pronouns} />
          <TextArea name="bio" label="About you (optional)" limit={500} defaultValue={valueOf(values, "bio")} error={result?.errors.bio} />
          <button type="submit" className="button">
            Save profile
          </button>
        </Form>
      </div>
    </>
  );
}
