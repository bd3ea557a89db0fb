import { getMembership, getOrganisationBySlug } from "~/models/organisation.server";
import type { CurrentMember } from "../members/session.server";
import { db } from "../utils/db.server";
import type { OrganisationContext } from "../members/permissions";
import { notFound } from "~/utils/responses.server";

/** Loads an organisation by slug with the actor's relationship to it; 404 when it does not exist. */
export async function loadOrganisation(slug: string | undefined, member: CurrentMember | null) {
  const organisation = slug ? await getOrganisationBySlug(db, slug) : undefined;
  if (!organisation) notFound();
  const membership = member ? await getMembership(db, organisation.id, member.id) : undefined;
  const context: OrganisationContext = { membership: membership?.role ?? null, verified: organisation.status === "verified" };
  return { organisation, membership: membership ?? null, context };
}
