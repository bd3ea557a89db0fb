import { ActionEmail, P, Small } from "./components/action-email";

export interface OrganisationInvitationProps {
  organisationName: string;
  inviterName: string;
  url: string;
}
export function OrganisationInvitation({ organisationName, inviterName, url }: OrganisationInvitationProps) {
  return (
    <ActionEmail preview={`Join ${organisationName} on Chorus`} heading={`Join ${organisationName} on Chorus`} action={{ label: "See the invitation", url }}>
      <P>
        {inviterName} invited you to join {organisationName} on Chorus, where our coalition decides and campaigns together. If you do
        not have an account yet, you can make one from the invitation.
      </P>
      <Small>The invitation lasts 14 days. If you were not expecting it, you can ignore this email.</Small>
    </ActionEmail>
  );
}
OrganisationInvitation.subject = (p: OrganisationInvitationProps) => `Invitation to join ${p.organisationName} on Chorus`;
OrganisationInvitation.PreviewProps = { organisationName: "Voices Together", inviterName: "Priya", url: "http://localhost:3000/invitations/abc" } satisfies OrganisationInvitationProps;

export interface OrganisationVerifiedProps {
  organisationName: string;
  url: string;
}
export function OrganisationVerified({ organisationName, url }: OrganisationVerifiedProps) {
  return (
    <ActionEmail preview={`${organisationName} is verified`} heading={`${organisationName} is now verified`} action={{ label: "See your organisation", url }}>
      <P>A coalition admin has verified {organisationName}. Its admins can now endorse demands on its behalf.</P>
    </ActionEmail>
  );
}
OrganisationVerified.subject = (p: OrganisationVerifiedProps) => `${p.organisationName} is verified on Chorus`;
OrganisationVerified.PreviewProps = { organisationName: "Voices Together", url: "http://localhost:3000/organisations/voices-together" } satisfies OrganisationVerifiedProps;

export interface OrganisationDeclinedProps {
  organisationName: string;
  reason: string;
  url: string;
}
export function OrganisationDeclined({ organisationName, reason, url }: OrganisationDeclinedProps) {
  return (
    <ActionEmail preview={`${organisationName} was not verified`} heading={`${organisationName} was not verified`} action={{ label: "Read the community guidelines", url }}>
      <P>A coalition admin looked at your request to verify {organisationName} on Chorus and did not verify it. Their reason:</P>
      <P>{reason}</P>
      <Small>You can still take part in Chorus as a member. If you think this was a mistake, contact the coalition.</Small>
    </ActionEmail>
  );
}
OrganisationDeclined.subject = (p: OrganisationDeclinedProps) => `${p.organisationName} was not verified on Chorus`;
OrganisationDeclined.PreviewProps = { organisationName: "Voices Together", reason: "We could not find a website or any public record of the group.", url: "http://localhost:3000/guidelines" } satisfies OrganisationDeclinedProps;

export interface JoinRequestDecidedProps {
  organisationName: string;
  accepted: boolean;
  url: string;
}
export function JoinRequestDecided({ organisationName, accepted, url }: JoinRequestDecidedProps) {
  return (
    <ActionEmail
      preview={accepted ? `You are now a member of ${organisationName}` : `Your request to join ${organisationName}`}
      heading={accepted ? `Welcome to ${organisationName}` : `Your request to join ${organisationName}`}
      action={{ label: "See the organisation", url }}
    >
      <P>
        {accepted
          ? `An admin of ${organisationName} accepted your request. You are now a member.`
          : `An admin of ${organisationName} did not accept your request this time.`}
      </P>
    </ActionEmail>
  );
}
JoinRequestDecided.subject = (p: JoinRequestDecidedProps) => (p.accepted ? `You joined ${p.organisationName}` : `Your request to join ${p.organisationName}`);
JoinRequestDecided.PreviewProps = { organisationName: "Voices Together", accepted: true, url: "http://localhost:3000/organisations/voices-together" } satisfies JoinRequestDecidedProps;
