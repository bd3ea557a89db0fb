import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/form-field";
import { SettingsNav } from "~/components/settings-nav";
import { getMember } from "~/models/member.server";
import { listMemberSessions } from "~/models/session.server";
import { changePassword, signOutOtherDevices } from "~/services/account.server";
import { assertCan, requireMember, startSession } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { NewPasswordSchema } from "~/members/password-rules";
import { invalid } from "~/utils/responses.server";
import { formatLondonMedium } from "~/utils/london-time";
import { TableFrame } from "~/components/table-frame";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Password and devices");

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().max(128).optional().default(""),
  newPassword: NewPasswordSchema,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await requireMember(request);
  assertCan(current, "settings.manage");
  const [member, sessions] = await Promise.all([getMember(db, current.id), listMemberSessions(db, current.id)]);
  return {
    hasPassword: Boolean(member?.password_hash),
    sessions: sessions.map((s) => ({ device: s.device, lastSeenAt: s.last_seen_at, createdAt: s.created_at, current: s.id === current.sessionId })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const current = await requireMember(request);
  assertCan(current, "settings.manage");
  const formData = await request.formData();
  if (formData.get("intent") === "sign-out-others") {
    const ended = await signOutOtherDevices(db, current.id, current.sessionId);
    return redirectWithFlash(request, "/settings/security", { kind: "success", message: ended === 1 ? "1 other device was signed out." : `${ended} other devices were signed out.` });
  }
  const parsed = parseForm(ChangePasswordSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors);
  const result = await changePassword(db, current.id, parsed.data.currentPassword, parsed.data.newPassword);
  if (result === "wrong-password") return invalid({ currentPassword: "Your current password is not right" });
  // Every session ended with the change; this device gets a fresh one.
  const cookie = await startSession(db, current.id, request);
  return redirectWithFlash(request, "/settings/security", { kind: "success", message: "Your password is changed. Every other device has been signed out." }, { headers: { "Set-Cookie": cookie } });
}

const when = formatLondonMedium;

export default function SecuritySettings() {
  const { hasPassword, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      <div className="form section">
        <ErrorSummary errors={result?.errors} order={["currentPassword", "newPassword"]} />
        <h2>{hasPassword ? "Change your password" : "Set a password"}</h2>
        {hasPassword ? null : <p>You sign in with email links. You can add a password as well.</p>}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="password" />
          {hasPassword ? <TextField name="currentPassword" type="password" label="Current password" autoComplete="current-password" error={result?.errors.currentPassword} /> : null}
          <TextField name="newPassword" type="password" label="New password" hint="8 to 128 characters. Changing it signs you out on every other device." autoComplete="new-password" error={result?.errors.newPassword} />
          <button type="submit" className="button">
            {hasPassword ? "Change password" : "Set password"}
          </button>
        </Form>
      </div>
      <section className="section">
        <h2>Where you are signed in</h2>
        <TableFrame label="Where you are signed in">
          <table className="table">
            <caption className="visually-hidden">Your active sessions</caption>
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last active</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s, i) => (
                <tr key={i}>
                  <td>
                    {s.device}
                    {s.current ? <strong> (this device)</strong> : null}
                  </td>
                  <td>{when(s.createdAt)}</td>
                  <td>{when(s.lastSeenAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
        <Form method="post">
          <button type="submit" name="intent" value="sign-out-others" className="button button--secondary">
            Sign out of every other device
          </button>
        </Form>
      </section>
    </>
  );
}
