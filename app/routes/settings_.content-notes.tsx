import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { SettingsNav } from "~/components/settings-nav";
import { HiddenNotesForm } from "~/components/story-list";
import { listHiddenContentNotes } from "~/models/story.server";
import { saveHiddenContentNotes } from "~/services/story-reading.server";
import { assertCan, requireMember } from "~/members/session.server";
import { HiddenNotesSchema } from "~/stories/reader-forms";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, valuesOf } from "~/utils/forms";
import { pageTitle } from "~/utils/meta";
import { badRequest, invalid } from "~/utils/responses.server";

export const meta: MetaFunction = (args) => pageTitle(args, "Content notes", "Settings");

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  return { hidden: await listHiddenContentNotes(db, member.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  const formData = await request.formData();
  if (formData.get("intent") !== "hide") badRequest();
  const parsed = parseForm(HiddenNotesSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await saveHiddenContentNotes(db, member.id, parsed.data.note);
  return redirectWithFlash(request, "/settings/content-notes", { kind: "success", message: parsed.data.note.length ? "Saved. Those stories are left out of your lists." : "Saved. You hide no stories now." });
}

export default function ContentNoteSettings() {
  const { hidden } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      <div className="form">
        <ErrorSummary errors={result?.errors} />
        <h2>Content notes</h2>
        <p>
          A story about something painful carries a content note and stays folded until you open it. You can also leave stories with some content notes out
          of every list you see: <Link to="/stories">stories</Link>, and the stories on demand and campaign pages. A story you open by its link still shows,
          folded behind its note.
        </p>
        <HiddenNotesForm hidden={result?.errors ? valuesOf(result.values, "note") : hidden} error={result?.errors.note} saved="Saved with your account." />
      </div>
    </>
  );
}
