/** The verified mark, shown wherever an organisation is named (words, not colour alone). */
export function VerifiedBadge({ status }: { status: "pending" | "verified" }) {
  return status === "verified" ? (
    <span className="badge badge--verified">
      <span aria-hidden="true">✓ </span>Verified
    </span>
  ) : (
    <span className="badge badge--pending">Awaiting verification</span>
  );
}
