import { ActionEmail, P, Small } from "./components/action-email";

/** Sign-up, sign-in and account-security emails. Links expire in an hour and work once. */

export interface VerifyEmailProps {
  displayName: string;
  url: string;
}
export function VerifyEmail({ displayName, url }: VerifyEmailProps) {
  return (
    <ActionEmail preview="Confirm your email to finish joining Chorus" heading={`Welcome, ${displayName}`} action={{ label: "Confirm my email", url }}>
      <P>Thank you for joining Chorus. Confirm this is your email address to start taking part.</P>
      <Small>The link works once and expires in an hour. If you did not join Chorus, ignore this email.</Small>
    </ActionEmail>
  );
}
VerifyEmail.subject = () => "Confirm your email for Chorus";
VerifyEmail.PreviewProps = { displayName: "Sam", url: "http://localhost:3000/verify-email/abc" } satisfies VerifyEmailProps;

export interface AccountExistsProps {
  signInUrl: string;
  resetUrl: string;
}
/** Sent instead of a second account when someone joins with a registered email (no enumeration). */
export function AccountExists({ signInUrl, resetUrl }: AccountExistsProps) {
  return (
    <ActionEmail preview="Someone tried to join Chorus with your email" heading="You already have a Chorus account" action={{ label: "Sign in", url: signInUrl }}>
      <P>Someone, probably you, just tried to join Chorus with this email address. You already have an account, so we have not made another.</P>
      <Small>Forgotten your password? You can set a new one: {resetUrl}</Small>
      <Small>If this was not you, you do not need to do anything.</Small>
    </ActionEmail>
  );
}
AccountExists.subject = () => "You already have a Chorus account";
AccountExists.PreviewProps = { signInUrl: "http://localhost:3000/sign-in", resetUrl: "http://localhost:3000/forgot-password" } satisfies AccountExistsProps;

export interface SignInLinkProps {
  url: string;
}
export function SignInLink({ url }: SignInLinkProps) {
  return (
    <ActionEmail preview="Your link to sign in to Chorus" heading="Sign in to Chorus" action={{ label: "Sign in", url }}>
      <P>Use this link to sign in. It works once and expires in an hour.</P>
      <Small>If you did not ask to sign in, ignore this email: nobody can sign in without it.</Small>
    </ActionEmail>
  );
}
SignInLink.subject = () => "Your Chorus sign-in link";
SignInLink.PreviewProps = { url: "http://localhost:3000/sign-in/link/abc" } satisfies SignInLinkProps;

export interface NoAccountProps {
  joinUrl: string;
}
/** Sent when someone asks for a sign-in or reset link for an email with no account. */
export function NoAccount({ joinUrl }: NoAccountProps) {
  return (
    <ActionEmail preview="There is no Chorus account for this email" heading="There is no account for this email" action={{ label: "Join Chorus", url: joinUrl }}>
      <P>Someone asked to sign in to Chorus, or to reset a password, with this email address. There is no account for it.</P>
      <Small>If you meant to use another address, try again with that one. If this was not you, ignore this email.</Small>
    </ActionEmail>
  );
}
NoAccount.subject = () => "There is no Chorus account for this email";
NoAccount.PreviewProps = { joinUrl: "http://localhost:3000/join" } satisfies NoAccountProps;

export interface ResetPasswordProps {
  url: string;
}
export function ResetPassword({ url }: ResetPasswordProps) {
  return (
    <ActionEmail preview="Set a new password for Chorus" heading="Set a new password" action={{ label: "Set a new password", url }}>
      <P>Use this link to choose a new password. It works once and expires in an hour.</P>
      <Small>Setting a new password signs you out everywhere else. If you did not ask for this, ignore this email.</Small>
    </ActionEmail>
  );
}
ResetPassword.subject = () => "Set a new password for Chorus";
ResetPassword.PreviewProps = { url: "http://localhost:3000/reset-password/abc" } satisfies ResetPasswordProps;

export interface PasswordChangedProps {
  resetUrl: string;
}
export function PasswordChanged({ resetUrl }: PasswordChangedProps) {
  return (
    <ActionEmail preview="Your Chorus password was changed" heading="Your password was changed">
      <P>The password for your Chorus account was just changed, and every other device was signed out.</P>
      <Small>If this was not you, set a new password now: {resetUrl}</Small>
    </ActionEmail>
  );
}
PasswordChanged.subject = () => "Your Chorus password was changed";
PasswordChanged.PreviewProps = { resetUrl: "http://localhost:3000/forgot-password" } satisfies PasswordChangedProps;

export interface ConfirmEmailChangeProps {
  url: string;
}
export function ConfirmEmailChange({ url }: ConfirmEmailChangeProps) {
  return (
    <ActionEmail preview="Confirm your new email for Chorus" heading="Confirm your new email address" action={{ label: "Use this email", url }}>
      <P>You asked to use this address for your Chorus account. Confirm it to make the change.</P>
      <Small>The link works once and expires in an hour. If you did not ask for this, ignore this email.</Small>
    </ActionEmail>
  );
}
ConfirmEmailChange.subject = () => "Confirm your new email for Chorus";
ConfirmEmailChange.PreviewProps = { url: "http://localhost:3000/settings/email/confirm/abc" } satisfies ConfirmEmailChangeProps;

export interface ConfirmNotificationEmailProps {
  url: string;
}
export function ConfirmNotificationEmail({ url }: ConfirmNotificationEmailProps) {
  return (
    <ActionEmail preview="Confirm where Chorus sends your notifications" heading="Send Chorus notifications here?" action={{ label: "Send notifications here", url }}>
      <P>You asked Chorus to send your notifications to this address. Confirm it, and they will come here from now on.</P>
      <Small>The link works once and expires in an hour. If you did not ask for this, ignore this email and nothing will change.</Small>
    </ActionEmail>
  );
}
ConfirmNotificationEmail.subject = () => "Confirm where Chorus sends your notifications";
ConfirmNotificationEmail.PreviewProps = { url: "http://localhost:3000/settings/email/notifications/abc" } satisfies ConfirmNotificationEmailProps;

export interface EmailChangedProps {
  newEmail: string;
}
export function EmailChanged({ newEmail }: EmailChangedProps) {
  return (
    <ActionEmail preview="Your Chorus email address was changed" heading="Your email address was changed">
      <P>Your Chorus account now uses {newEmail}. This address will no longer get emails from Chorus.</P>
      <Small>If this was not you, reply to this email straight away.</Small>
    </ActionEmail>
  );
}
EmailChanged.subject = () => "Your Chorus email address was changed";
EmailChanged.PreviewProps = { newEmail: "new@example.org" } satisfies EmailChangedProps;
