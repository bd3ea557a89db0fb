import { ORGANISATION_KINDS, type OrganisationKind } from "../../db/schema";

export { ORGANISATION_KINDS, type OrganisationKind };

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  service_user_led: "Service-user-led group",
  professional_body: "Professional body",
  charity: "Charity or voluntary group",
  academic: "Academic or research group",
  other: "Other",
};
