/** One audit event as the names a sentence needs (see listAuditEvents). */
export interface AuditEventNames {
  action: string;
  detail: unknown;
  actor_name: string | null;
  member_name: string | null;
  organisation_name: string | null;
  demand_title: string | null;
}

const ROLE_NAMES: Record<string, string> = { admin: "an admin", moderator: "a moderator" };

/**
 * "Joe hid a comment on Housing first": the audit log in plain sentences. An unknown action still
 * reads as a sentence, with its code, so nothing recorded is ever left out.
 */
export function auditSentence(e: AuditEventNames): string {
  const who = e.actor_name ?? (e.action === "member.deleted" ? "A member" : "Chorus");
  const member = e.member_name ?? "a former member";
  const org = e.organisation_name ?? "an organisation that no longer exists";
  const on = e.demand_title ? `on “${e.demand_title}”` : "on a demand";
  const detail = (e.detail && typeof e.detail === "object" ? e.detail : {}) as Record<string, unknown>;
  const reason = typeof detail.reason === "string" && detail.reason ? `, because: “${detail.reason}”` : "";
  const role = typeof detail.role === "string" ? (ROLE_NAMES[detail.role] ?? detail.role) : "a role";
  switch (e.action) {
    case "role.granted":
      return `${who} made ${member} ${role}.`;
    case "role.removed":
      return `${who} removed ${member} as ${role}.`;
    case "member.deleted":
      return "A member deleted their account.";
    case "comment.hide":
      return `${who} hid a comment ${on}${reason}.`;
    case "comment.restore":
      return `${who} showed a comment ${on} again and closed its reports.`;
    case "comment.dismiss":
      return `${who} kept a reported comment ${on} and closed its reports.`;
    case "story.published":
      return `${who} published a story.`;
    case "story.changes_requested":
      return `${who} asked the teller of a story to change something.`;
    case "story.declined":
      return `${who} declined a story.`;
    case "story.safeguarding":
      return `${who} passed a story to the safeguarding route.`;
    case "story.contact_viewed":
      return `${who} looked up how to contact the teller of a story held for safeguarding.`;
    case "organisation.registered":
      return `${who} registered ${org}.`;
    case "organisation.verified":
      return `${who} verified ${org}.`;
    case "organisation.invited":
      return `${who} invited someone to join ${org}.`;
    case "organisation.invitation_accepted":
      return `${who} accepted an invitation to join ${org}.`;
    case "organisation.request_accepted":
      return `${who} accepted ${member}'s request to join ${org}.`;
    case "organisation.request_declined":
      return `${who} declined ${member}'s request to join ${org}.`;
    case "organisation.make-admin":
      return `${who} made ${member} an admin of ${org}.`;
    case "organisation.make-member":
      return `${who} made ${member} an ordinary member of ${org}.`;
    case "organisation.remove":
      return `${who} removed ${member} from ${org}.`;
    default:
      return `${who}: ${e.action}.`;
  }
}
