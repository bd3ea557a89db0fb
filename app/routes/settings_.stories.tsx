import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SettingsNav } from "~/components/settings-nav";
import { requireMember } from "~/members/session.server";
import { listTellerStories } from "~/models/story.server";
import { AUDIENCES, STORY_STATUSES } from "~/stories/labels";
import { db } from "~/utils/db.server";
import { formatLondonDate } from "~/utils/london-time";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Your stories");

/** The most of a member's own stories listed; far more than anyone tells. */
const YOUR_STORIES = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const stories = await listTellerStories(db, member.id, YOUR_STORIES);
  return {
    stories: stories.map((s) => ({ id: s.id, title: s.title, status: STORY_STATUSES[s.status].label, audience: AUDIENCES[s.audience].label, told: formatLondonDate(s.createdAt), toldAt: new Date(s.createdAt).toISOString() })),
  };
}

export default function YourStories() {
  const { stories } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      <h2>Your stories</h2>
      <p>Only you can see this list. Open a story to see what a moderator said, change who may read it and under which name, or withdraw it.</p>
      {stories.length === 0 ? <p>You have not told a story yet.</p> : (
        <ul className="story-list">
          {stories.map((s) => (
            <li key={s.id}>
              <Link to={`/stories/${s.id}`}>{s.title}</Link>
              <span className="small">
                {" "}
                · told <time dateTime={s.toldAt}>{s.told}</time> · {s.status} · {s.audience}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/stories/new" className="button">
          Tell a story
        </Link>
      </p>
    </>
  );
}
