import { createElement, type ReactElement } from "react";
import * as accountability from "./accountability-emails";
import * as account from "./account-emails";
import * as demand from "./demand-emails";
import * as event from "./event-emails";
import * as letter from "./letter-emails";
import * as notification from "./notification-emails";
import * as organisation from "./organisation-emails";
import * as petition from "./petition-emails";
import * as story from "./story-emails";
import { TestEmail, type TestEmailProps } from "./test-email";

/**
 * Every email Chorus sends, by name. Queued emails store the name and props; the worker renders
 * them at send time, so a template fix reaches mail that is still waiting in the queue.
 */
export interface EmailTemplate<P> {
  render: (props: P) => ReactElement;
  subject: (props: P) => string;
  /** Where replies go, when not to Chorus (a supporter's letter goes out with their address). */
  replyTo?: (props: P) => string;
}

function template<P extends object>(component: ((props: P) => ReactElement) & { subject: (props: P) => string; replyTo?: (props: P) => string }): EmailTemplate<P> {
  return { render: (props) => createElement(component, props), subject: component.subject, replyTo: component.replyTo };
}

export const emailTemplates = {
  TestEmail: template<TestEmailProps>(TestEmail),
  VerifyEmail: template<account.VerifyEmailProps>(account.VerifyEmail),
  AccountExists: template<account.AccountExistsProps>(account.AccountExists),
  SignInLink: template<account.SignInLinkProps>(account.SignInLink),
  NoAccount: template<account.NoAccountProps>(account.NoAccount),
  ResetPassword: template<account.ResetPasswordProps>(account.ResetPassword),
  PasswordChanged: template<account.PasswordChangedProps>(account.PasswordChanged),
  ConfirmEmailChange: template<account.ConfirmEmailChangeProps>(account.ConfirmEmailChange),
  EmailChanged: template<account.EmailChangedProps>(account.EmailChanged),
  ConfirmNotificationEmail: template<account.ConfirmNotificationEmailProps>(account.ConfirmNotificationEmail),
  OrganisationInvitation: template<organisation.OrganisationInvitationProps>(organisation.OrganisationInvitation),
  OrganisationVerified: template<organisation.OrganisationVerifiedProps>(organisation.OrganisationVerified),
  OrganisationDeclined: template<organisation.OrganisationDeclinedProps>(organisation.OrganisationDeclined),
  JoinRequestDecided: template<organisation.JoinRequestDecidedProps>(organisation.JoinRequestDecided),
  DemandOutcome: template<demand.DemandOutcomeProps>(demand.DemandOutcome),
  AmendmentDecided: template<demand.AmendmentDecidedProps>(demand.AmendmentDecided),
  CommentHidden: template<demand.CommentHiddenProps>(demand.CommentHidden),
  AmendmentOutdated: template<demand.AmendmentOutdatedProps>(demand.AmendmentOutdated),
  ConfirmSignature: template<petition.ConfirmSignatureProps>(petition.ConfirmSignature),
  PetitionNews: template<petition.PetitionNewsProps>(petition.PetitionNews),
  Notification: template<notification.NotificationProps>(notification.Notification),
  NotificationDigest: template<notification.NotificationDigestProps>(notification.NotificationDigest),
  Letter: template<letter.LetterProps>(letter.Letter),
  ConfirmLetter: template<letter.ConfirmLetterProps>(letter.ConfirmLetter),
  LetterFollowUp: template<letter.LetterFollowUpProps>(letter.LetterFollowUp),
  LetterNotSent: template<letter.LetterNotSentProps>(letter.LetterNotSent),
  LetterNews: template<letter.LetterNewsProps>(letter.LetterNews),
  AskForResponse: template<accountability.AskForResponseProps>(accountability.AskForResponse),
  StoryDecision: template<story.StoryDecisionProps>(story.StoryDecision),
  StoryTellerLink: template<story.StoryTellerLinkProps>(story.StoryTellerLink),
  ConfirmEventRegistration: template<event.ConfirmEventRegistrationProps>(event.ConfirmEventRegistration),
  EventMessage: template<event.EventMessageProps>(event.EventMessage),
};

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateProps<N extends EmailTemplateName> = (typeof emailTemplates)[N] extends EmailTemplate<infer P> ? P : never;

/**
 * Mail someone asked for just now (a link to sign in, confirm, reset): sent even to an address that
 * once complained about our mail, never to one that bounced. Everything else respects both.
 */
export const SERVICE_TEMPLATES: ReadonlySet<EmailTemplateName> = new Set<EmailTemplateName>([
  "VerifyEmail",
  "AccountExists",
  "SignInLink",
  "NoAccount",
  "ResetPassword",
  "PasswordChanged",
  "ConfirmEmailChange",
  "EmailChanged",
  "ConfirmNotificationEmail",
  "ConfirmSignature",
  "ConfirmLetter",
  "ConfirmEventRegistration",
]);
