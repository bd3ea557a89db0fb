import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Community guidelines");

/** How we talk to each other here, and what a report is for: linked from every report form and the footer. */
export default function Guidelines() {
  return (
    <div className="prose">
      <h1>Community guidelines</h1>
      <p className="lead">Chorus is a place to disagree about policy and still look after each other. These guidelines say how.</p>

      <h2>Be kind and respectful</h2>
      <ul>
        <li>People with lived experience of mental distress are equal partners here. Listen to them, and to each other.</li>
        <li>Disagree with ideas, not people. No personal attacks, harassment, threats or hateful language.</li>
        <li>Do not tell anyone what their experience means, or diagnose them.</li>
      </ul>

      <h2>Keep people safe</h2>
      <ul>
        <li>Do not share anyone else&apos;s name, contact details, health information or story without their permission. Be careful with your own.</li>
        <li>
          Use a content note when a comment talks about self-harm, suicide, abuse, detention or other things that may be hard to read. The comment stays folded
          until a reader chooses to open it.
        </li>
        <li>
          If you are worried about someone&apos;s safety right now, <Link to="/get-help">get help now</Link>: a report reaches a moderator, not an emergency
          service.
        </li>
      </ul>

      <h2>Stay on topic</h2>
      <ul>
        <li>Keep to the demand or amendment being discussed.</li>
        <li>No advertising, fundraising for unrelated causes, or spam.</li>
      </ul>

      <h2>Reporting a comment</h2>
      <p>
        If a comment breaks these guidelines, choose <strong>Report</strong> under it and say what is wrong: harassment or abuse, personal information, spam,
        or something else. Only moderators see your report, and the comment&apos;s author is not told who reported it.
      </p>
      <p>
        When 3 different members report a comment, it is hidden until a moderator decides. A moderator may hide a comment; everyone then sees their reason in
        its place, and its author is told and can ask for a review.
      </p>
      <p>
        These guidelines are part of our <Link to="/terms">terms of membership</Link>.
      </p>
    </div>
  );
}
