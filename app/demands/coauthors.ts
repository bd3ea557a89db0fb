import type { AuthorInvitationStatus, DemandStage } from "../../db/schema";

/** How long an invitation to co-author waits for an answer. */
export const AUTHOR_INVITATION_DAYS = 14;

/** The stages in which a demand's text is still being written: authors can invite, and invitations can be accepted. */
export const WRITING_STAGES: readonly DemandStage[] = ["draft", "consultation"];

/**
 * Where an invitation to co-author stands for the member it was sent to: `open` while it can be
 * answered; otherwise what became of it. A waiting invitation past its date is expired, and one for
 * a demand no longer being written is closed.
 */
export type InvitationState = "open" | "closed" | Exclude<AuthorInvitationStatus, "pending">;

export function invitationState(invitation: { status: AuthorInvitationStatus; expires_at: Date | string }, stage: DemandStage, now = new Date()): InvitationState {
  if (invitation.status !== "pending") return invitation.status;
  if (new Date(invitation.expires_at) <= now) return "expired";
  return WRITING_STAGES.includes(stage) ? "open" : "closed";
}
