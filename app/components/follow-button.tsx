import { Form } from "@remix-run/react";

/** Follow or unfollow something (a campaign, organisation or topic): a plain POST to /follow. */
export function FollowButton({ subject, following, name, back }: { subject: string; following: boolean; name: string; back: string }) {
  return (
    <Form method="post" action="/follow" className="follow-form">
      <input type="hidden" name="subject" value={subject} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" name="intent" value={following ? "unfollow" : "follow"} className="button button--secondary">
        {following ? "Unfollow" : "Follow"}
        <span className="visually-hidden"> {name}</span>
      </button>
    </Form>
  );
}
