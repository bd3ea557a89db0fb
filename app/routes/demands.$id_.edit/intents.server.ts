import type { CurrentMember } from "~/members/session.server";
import { inviteCoauthor, removeCoauthor, withdrawCoauthorInvitation, type InviteResult } from "~/services/coauthors.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseId } from "~/utils/ids";
import { badRequest, forbidden, notFound } from "~/utils/responses.server";

/**
 * The edit page's author intents: invite a member, withdraw an invitation, remove a co-author. The
 * page has already checked the member may edit this demand; each intent calls one service and
 * answers with a redirect to the page and a message.
 */
export const AUTHOR_INTENTS = new Set(["invite-author", "withdraw-invitation", "remove-author"]);

const INVITE_REFUSED: Record<Exclude<Exclude<InviteResult, { ok: true }>["reason"], "too-many">, string> = {
  "not-author": "Only the demand's authors can invite co-authors.",
  closed: "Co-authors can only be invited while the demand is a draft or under consultation.",
  "not-a-member": "That member could not be found.",
  "already-author": "That member is already an author of this demand.",
  "already-invited": "That member already has an invitation waiting. They can accept or decline it, or you can withdraw it.",
};

export async function handleAuthorIntent(request: Request, member: CurrentMember, demand: { id: number }, intent: string, formData: FormData) {
  const back = `/demands/${demand.id}/edit`;
  if (intent === "invite-author") {
    const memberId = parseId(formData.get("memberId"));
    if (memberId === null) badRequest();
    const result = await inviteCoauthor(db, demand.id, member.id, memberId);
    if (result.ok) return redirectWithFlash(request, back, { kind: "success", message: "Invitation sent. They become a co-author when they accept it." });
    if (result.reason === "not-a-member") notFound();
    if (result.reason === "not-author") forbidden();
    const message = result.reason === "too-many" ? result.message : INVITE_REFUSED[result.reason];
    return redirectWithFlash(request, back, { kind: "error", message });
  }
  if (intent === "withdraw-invitation") {
    const invitationId = parseId(formData.get("invitationId"));
    if (invitationId === null) badRequest();
    const result = await withdrawCoauthorInvitation(db, demand.id, invitationId, member.id);
    if (!result.ok && result.reason === "not-author") forbidden();
    return redirectWithFlash(request, back, result.ok ? { kind: "success", message: "Invitation withdrawn." } : { kind: "error", message: "That invitation was already answered, withdrawn or out of date." });
  }
  const memberId = parseId(formData.get("memberId"));
  if (memberId === null) badRequest();
  await removeCoauthor(db, demand.id, memberId);
  return redirectWithFlash(request, back, { kind: "success", message: "Co-author removed." });
}
