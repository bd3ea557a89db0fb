import type { OrganisationStatus } from "../../db/schema";

/** The verified mark, shown wherever an organisation is named (words, not colour alone). */
export function VerifiedBadge({ status }: { status: OrganisationStatus }) {
  if (status === "verified") {
    return (
      <span className="badge badge--verified">
        <span aria-hidden="true">✓ </span>Verified
      </span>
    );
  }
  return <span className="badge badge--pending">{status === "declined" ? "Not verified" : "Awaiting verification"}</span>;
}
