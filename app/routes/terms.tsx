import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TERMS_VERSION } from "~/models/consent.server";
import { getEnv } from "~/utils/env.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Terms of membership");

export function loader() {
  const env = getEnv();
  return { coalition: env.COALITION_NAME, contact: env.CONTACT_EMAIL, version: TERMS_VERSION };
}

/** What members agree to when they join: short, plain, and about how we treat each other. */
export default function Terms() {
  const { coalition, contact, version } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <h1>Terms of membership</h1>
      <p className="lead">What you agree to when you join, and what you can expect from us.</p>

      <h2>Who can join</h2>
      <p>Anyone aged 18 or over who supports social approaches to mental health. You can use a pseudonym. One account per person.</p>

      <h2>How we treat each other</h2>
      <ul>
        <li>People with lived experience of mental distress are equal partners here. Listen to them, and to each other.</li>
        <li>Disagree with ideas, not people. No personal attacks, harassment, or hateful language.</li>
        <li>Do not share anyone else&apos;s health information or story without their permission. Be careful with your own.</li>
        <li>Use a content note when a comment talks about self-harm, suicide, abuse, detention or other things that may be hard to read.</li>
        <li>No advertising and no spam.</li>
      </ul>

      <h2>Moderation</h2>
      <p>
        Any member can report a comment. Moderators may hide a comment that breaks these terms; everyone sees their reason in its place, and its author is
        told and can ask for a review. An admin may end the membership of someone who keeps breaking them.
      </p>

      <h2>Decisions</h2>
      <p>
        Members vote by secret ballot under a rule stated before voting opens. What the coalition adopts is decided by those votes; organisations&apos;
        endorsements are shown separately and never counted as votes.
      </p>

      <h2>What you write</h2>
      <p>
        You keep the rights to what you write. By posting it you let the coalition show it here and use it in the demands and campaigns it is part of. If
        you delete your account, what you wrote stays, shown as written by a &ldquo;Former member&rdquo;.
      </p>

      <h2>This is not a crisis service</h2>
      <p>
        Nobody watches Chorus around the clock. If you or someone else is in danger, <Link to="/get-help">get help now</Link>.
      </p>

      <h2>Leaving and changes</h2>
      <p>
        You can leave at any time by deleting your account in your <Link to="/settings/data">settings</Link>. If we change these terms we will tell members
        by email first. Questions: <a href={`mailto:${contact}`}>{contact}</a>.
      </p>
      <p className="small muted">
        {coalition}. Terms version {version}.
      </p>
    </div>
  );
}
