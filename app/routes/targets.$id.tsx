import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { TargetForm } from "~/components/target-fields";
import { getTarget } from "~/models/target.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { parseId } from "~/utils/ids";
import { requireDirectoryEditor } from "~/letters/access.server";
import { TargetSchema } from "~/letters/forms";
import { formatAreas } from "~/letters/rules";
import { formatLondonMedium } from "~/utils/london-time";
import { invalid, notFound } from "~/utils/responses.server";
import { editTarget } from "~/services/targets.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, args.data?.target.name ?? "Decision maker", "Decision makers");

async function load(request: Request, rawId: string | undefined) {
  await requireDirectoryEditor(request);
  const id = parseId(rawId);
  const target = id !== null ? await getTarget(db, id) : undefined;
  if (!target) notFound();
  return target;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await load(request, params.id);
  return {
    target: { id: t.id, name: t.name, bouncedAt: t.bounced_at, bounceReason: t.bounce_reason },
    values: { name: t.name, role: t.role, body: t.body, email: t.email, areas: formatAreas(t) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const target = await load(request, params.id);
  const parsed = parseForm(TargetSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  if (!(await editTarget(db, target.id, parsed.data))) return invalid({ email: "Another decision maker has that email address" }, { ...parsed.data, email: parsed.data.email, areas: formatAreas(parsed.data.areas) });
  return redirectWithFlash(request, "/targets", { kind: "success", message: `${parsed.data.name} is updated.` });
}

export default function EditTarget() {
  const { target, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/targets">Back to decision makers</Link>
      </p>
      <TargetForm values={result?.values ?? values} errors={result?.errors} submit="Save changes">
        <h1>{target.name}</h1>
        {target.bouncedAt ? (
          <div className="notice notice--warning">
            <p>
              <strong>Mail to this address bounced on {formatLondonMedium(target.bouncedAt)}</strong>
              {target.bounceReason ? ` (${target.bounceReason})` : ""}. Letters to them are skipped, and their writers told, until the address is changed.
            </p>
          </div>
        ) : null}
      </TargetForm>
    </>
  );
}
