/** Whether a petition takes signatures now: open, and not past its closing time. */
export function acceptingSignatures(petition: { status: string; closes_at: Date | string | null }, now = new Date()) {
  return petition.status === "open" && (!petition.closes_at || new Date(petition.closes_at) > now);
}
