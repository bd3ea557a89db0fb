import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { NOTIFICATION_DELIVERIES, TOPICS, type NotificationDelivery } from "../../db/schema";
import { Checkbox, ChoiceGroup } from "~/components/form-field";
import { SettingsNav } from "~/components/settings-nav";
import { TableFrame } from "~/components/table-frame";
import { listFollows } from "~/models/follow.server";
import { getNotificationsPaused } from "~/models/member.server";
import { preferencesOf, savePreferences } from "~/services/notifications.server";
import { assertCan, requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { TOPIC_LABELS } from "~/demands/labels";
import { redirectWithFlash } from "~/utils/flash.server";
import { DELIVERY_LABELS, NOTIFICATION_KIND_NAMES, NOTIFICATION_KINDS, type NotificationKind } from "~/notifications/kinds";
import { badRequest } from "~/utils/responses.server";
import { setFollowedTopics, unfollowSubject } from "~/services/follows.server";
import { pageTitle } from "~/utils/meta";
import { Fragment } from "react";

export const meta: MetaFunction = (args) => pageTitle(args, "Notifications", "Settings");

const FOLLOWABLE = /^(demand|campaign|organisation):[0-9]{1,18}$|^topic:[a-z_]{1,40}$/;

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  const [preferences, follows, paused] = await Promise.all([
    preferencesOf(db, member.id),
    listFollows(db, member.id),
    getNotificationsPaused(db, member.id),
  ]);
  return {
    preferences,
    paused,
    // One row per subject, whatever the table holds.
    follows: [...new Map(follows.filter((f) => !f.subject.startsWith("topic:")).map((f) => [f.subject, f])).values()],
    topics: follows.filter((f) => f.subject.startsWith("topic:")).map((f) => f.subject.slice(6)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  assertCan(member, "settings.manage");
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const here = "/settings/notifications";
  if (intent === "unfollow") {
    const subject = String(formData.get("subject") ?? "");
    if (!FOLLOWABLE.test(subject)) badRequest();
    await unfollowSubject(db, subject, member.id);
    return redirectWithFlash(request, `${here}#following-heading`, { kind: "success", message: "You no longer follow it." });
  }
  if (intent === "topics") {
    const chosen = new Set(formData.getAll("topic").map(String).filter((t) => (TOPICS as readonly string[]).includes(t)));
    await setFollowedTopics(db, member.id, chosen, TOPICS);
    return redirectWithFlash(request, `${here}#topics-heading`, { kind: "success", message: chosen.size ? "Your topics are saved." : "You follow no topics now." });
  }
  if (intent === "preferences") {
    const choices: Partial<Record<NotificationKind, NotificationDelivery>> = {};
    for (const kind of NOTIFICATION_KIND_NAMES) {
      const value = String(formData.get(kind) ?? "");
      if ((NOTIFICATION_DELIVERIES as readonly string[]).includes(value)) choices[kind] = value as NotificationDelivery;
    }
    const paused = formData.get("paused") === "yes";
    await savePreferences(db, member.id, choices, paused);
    return redirectWithFlash(request, here, { kind: "success", message: paused ? "Saved. Email is paused: you still see everything here on Chorus." : "Your choices are saved." });
  }
  badRequest();
}

const FOLLOW_GROUPS = [
  { prefix: "demand:", heading: "Demands" },
  { prefix: "campaign:", heading: "Campaigns" },
  { prefix: "organisation:", heading: "Organisations" },
] as const;

export default function NotificationSettings() {
  const { preferences, paused, follows, topics } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      <h2>Notifications</h2>
      <p>
        What Chorus tells you, and how. Everything also appears in your <Link to="/notifications">notifications</Link> on Chorus. Digests arrive at 07:00 UK
        time (weekly ones on Mondays). Sign-in links and confirmations always come.
      </p>
      <Form method="post" className="form">
        <TableFrame label="How you hear about each kind of thing">
          <table className="table preferences">
            <caption className="visually-hidden">How you hear about each kind of thing</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">How</th>
              </tr>
            </thead>
            <tbody>
              {NOTIFICATION_KIND_NAMES.map((kind) => (
                <tr key={kind}>
                  <th scope="row">
                    <label htmlFor={`pref-${kind}`}>{NOTIFICATION_KINDS[kind].label}</label>
                  </th>
                  <td>
                    <select className="select input" id={`pref-${kind}`} name={kind} defaultValue={preferences[kind]}>
                      {NOTIFICATION_DELIVERIES.map((d) => (
                        <option key={d} value={d}>
                          {DELIVERY_LABELS[d]}
                          {d === NOTIFICATION_KINDS[kind].default ? " (default)" : ""}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
        <Checkbox name="paused" label="Pause all notification email" hint="For a break: nothing is emailed (digests included) until you untick this. You still see everything on Chorus." defaultChecked={paused} />
        <button type="submit" name="intent" value="preferences" className="button">
          Save my choices
        </button>
      </Form>

      <section aria-labelledby="topics-heading" className="section">
        <h2 id="topics-heading">Topics you follow</h2>
        <Form method="post" className="form">
          <ChoiceGroup name="topic" type="checkbox" legend="Tell me about new demands in" options={TOPICS.map((t) => ({ value: t, label: TOPIC_LABELS[t] }))} selected={topics} />
          <button type="submit" name="intent" value="topics" className="button button--secondary">
            Save topics
          </button>
        </Form>
      </section>

      <section aria-labelledby="following-heading" className="section">
        <h2 id="following-heading">Demands, campaigns and organisations you follow</h2>
        <p className="small">You follow what you take part in automatically. Stop following anything here or on its page.</p>
        {follows.length === 0 ? <p>Nothing yet.</p> : null}
        {/* Grouped by kind: a demand and the campaign for it often share a title, and one list made them look listed twice. */}
        {FOLLOW_GROUPS.map(({ prefix, heading }) => {
          const group = follows.filter((f) => f.subject.startsWith(prefix));
          if (group.length === 0) return null;
          return (
            <Fragment key={prefix}>
              <h3>{heading}</h3>
              <ul className="task-list">
                {group.map((f) => (
                  <li key={f.subject}>
                    {f.url ? <Link to={f.url}>{f.name}</Link> : <span>{f.name}</span>}
                    <Form method="post">
                      <input type="hidden" name="subject" value={f.subject} />
                      <button type="submit" name="intent" value="unfollow" className="button button--secondary">
                        Unfollow<span className="visually-hidden"> {f.name}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </Fragment>
          );
        })}
      </section>
    </>
  );
}
