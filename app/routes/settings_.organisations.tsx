import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { VerifiedBadge } from "~/components/organisation-badge";
import { SettingsNav } from "~/components/settings-nav";
import { getMembership, listMemberOrganisations } from "~/models/organisation.server";
import { assertCan, requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { IdField } from "~/utils/fields";
import { TableFrame } from "~/components/table-frame";
import { badRequest, forbidden } from "~/utils/responses.server";
import { setListedInOrganisation } from "~/services/organisation.server";

export const meta: MetaFunction = () => [{ title: "Your organisations – Chorus" }];

const ListingSchema = z.object({ organisationId: IdField, listed: z.enum(["yes", "no"]) });

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  return { organisations: await listMemberOrganisations(db, member.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  const parsed = parseForm(ListingSchema, await request.formData());
  if (!parsed.ok) badRequest();
  if (!(await getMembership(db, parsed.data.organisationId, member.id))) forbidden();
  await setListedInOrganisation(db, parsed.data.organisationId, member.id, parsed.data.listed === "yes");
  return redirectWithFlash(request, "/settings/organisations", { kind: "success", message: parsed.data.listed === "yes" ? "You are now listed publicly." : "You are no longer listed publicly." });
}

export default function OrganisationSettings() {
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      <h2>Your organisations</h2>
      {organisations.length === 0 ? (
        <p>
          You are not part of any organisation yet. <Link to="/organisations">Browse organisations</Link> or{" "}
          <Link to="/organisations/new">register one</Link>.
        </p>
      ) : (
        <TableFrame label="Your organisations">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Your role</th>
                <th scope="col">On its public page</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/organisations/${o.slug}`}>{o.name}</Link> <VerifiedBadge status={o.status} />
                  </td>
                  <td>{o.role === "admin" ? "Admin" : "Member"}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="organisationId" value={o.id} />
                      <input type="hidden" name="listed" value={o.listed ? "no" : "yes"} />
                      {o.listed ? "Listed. " : "Not listed. "}
                      <button type="submit" className="link-button">
                        {o.listed ? "Stop listing me" : "List me"}
                        <span className="visually-hidden"> on {o.name}</span>
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
