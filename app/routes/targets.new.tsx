import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { TargetForm } from "~/components/target-fields";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { requireDirectoryEditor } from "~/letters/access.server";
import { TargetSchema } from "~/letters/forms";
import { invalid } from "~/utils/responses.server";
import { addTarget } from "~/services/targets.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Add a decision maker");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireDirectoryEditor(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireDirectoryEditor(request);
  const formData = await request.formData();
  const parsed = parseForm(TargetSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { inserted } = await addTarget(db, parsed.data, member.id);
  return redirectWithFlash(request, "/targets", { kind: "success", message: inserted ? `${parsed.data.name} is in the directory.` : `${parsed.data.name} was already listed with that email address, and is now updated.` });
}

export default function NewTarget() {
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/targets">Back to decision makers</Link>
      </p>
      <TargetForm values={result?.values} errors={result?.errors} submit="Add to the directory">
        <h1>Add a decision maker</h1>
      </TargetForm>
    </>
  );
}
