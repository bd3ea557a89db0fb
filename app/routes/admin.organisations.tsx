import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin-nav";
import { listOrganisations } from "~/models/organisation.server";
import { verifyOrganisation } from "~/services/organisation.server";
import { requireCan } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { ORGANISATION_KIND_LABELS } from "~/organisations/labels";
import { IdField } from "~/utils/fields";
import { TableFrame } from "~/components/table-frame";
import { badRequest } from "~/utils/responses.server";

export const meta: MetaFunction = () => [{ title: "Verify organisations – Admin – Chorus" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCan(request, "organisation.verify");
  return { pending: await listOrganisations(db, { status: "pending" }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireCan(request, "organisation.verify");
  const parsed = parseForm(z.object({ organisationId: IdField }), await request.formData());
  if (!parsed.ok) badRequest();
  const verified = await verifyOrganisation(db, admin.id, parsed.data.organisationId);
  return redirectWithFlash(request, "/admin/organisations", verified ? { kind: "success", message: "Organisation verified." } : { kind: "info", message: "That organisation was already verified." });
}

export default function VerifyOrganisations() {
  const { pending } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Admin</h1>
      <AdminNav isAdmin />
      <h2>Organisations awaiting verification</h2>
      {pending.length === 0 ? (
        <p>None waiting.</p>
      ) : (
        <TableFrame label="Organisations awaiting verification">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Kind</th>
                <th scope="col">Registered</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/organisations/${o.slug}`}>{o.name}</Link>
                  </td>
                  <td>{ORGANISATION_KIND_LABELS[o.kind]}</td>
                  <td>{new Date(o.created_at).toLocaleDateString("en-GB", { timeZone: "Europe/London" })}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="organisationId" value={o.id} />
                      <button type="submit" className="button">
                        Verify<span className="visually-hidden"> {o.name}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </>
  );
}
