/** A story that dropped out of a pack after the pack was delivered (app/models/story-pack.server.ts). */
export interface PackWarningView {
  packId: number;
  packTitle: string;
  position: number | null;
  droppedAt: string;
  /** True when the teller withdrew the story; false when they changed a consent (no longer quotable). */
  withdrawn: boolean;
  /** Who the pack was delivered to: the ask's decision maker, or whom the petition is addressed to. */
  deliveredTo: string;
}

/** Whom a pack was delivered to, in words: the ask's decision maker, else whom its petition is addressed to. */
export function deliveredTo(pack: { askTargetName: string | null; petitionAddressedTo: string | null }) {
  return pack.askTargetName ?? pack.petitionAddressedTo ?? "the decision makers it went to";
}

/** Rows of listDeliveredPackWarnings as the warnings show them. */
export function toPackWarnings(
  rows: ReadonlyArray<{ packId: number; packTitle: string; position: number | null; droppedAt: Date | null; withdrawn: boolean; askTargetName: string | null; petitionAddressedTo: string | null }>,
): PackWarningView[] {
  return rows.map((r) => ({
    packId: r.packId,
    packTitle: r.packTitle,
    position: r.position,
    droppedAt: new Date(r.droppedAt!).toISOString(),
    withdrawn: r.withdrawn,
    deliveredTo: deliveredTo(r),
  }));
}
