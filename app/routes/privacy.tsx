import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Privacy – Chorus" }];

export default function Privacy() {
  return (
    <div className="prose">
      <h1>How we handle your information</h1>
      <p className="lead">We ask for as little as we can, explain why, and let you take it back.</p>
      <h2>Your name</h2>
      <p>You can use a pseudonym. We never need your real name for you to take part.</p>
      <h2>Your perspective</h2>
      <p>
        If you choose to tell us whether you have lived experience of mental distress, are a carer, a practitioner, a researcher or a
        supporter, that is health information. We ask for it only with your separate, explicit consent. It is never shown on your
        profile or next to your name, and it is only used in anonymous totals, where any group smaller than 5 people is hidden.
        You can change it or withdraw it at any time, and withdrawing deletes it.
      </p>
      <h2>Your votes and signatures</h2>
      <p>Ballots are secret: only totals are published. Petition signers&apos; names are never published unless they choose.</p>
      <h2>Your rights</h2>
      <p>
        From your settings you can download everything we hold about you, and delete your account. When you delete your account we
        remove your personal information; what you wrote in discussions stays, shown as written by a &ldquo;Former member&rdquo;, so that
        conversations still make sense.
      </p>
    </div>
  );
}
