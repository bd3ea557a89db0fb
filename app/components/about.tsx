import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * What Chorus is and how it works: the home page for visitors, and /about for members. `now` (what
 * the coalition is doing) goes straight after the opening, so visitors see it without scrolling far.
 */
export function About({ now }: { now?: ReactNode } = {}) {
  return (
    <>
      <section className="prose">
        <h1>Deciding together, campaigning together</h1>
        <p className="lead">
          Chorus is where our coalition works out what we want to change about mental health support, and then pushes for it.
        </p>
        <p>
          We believe mental distress is shaped by people&apos;s lives: poverty, housing, discrimination, isolation, work and trauma.
          We campaign for support that is social and built on relationships, for action on those causes, and for rights.
        </p>
        <p>
          People with lived experience of mental distress are equal partners here. <strong>Nothing about us without us.</strong>
        </p>
        <div className="button-row">
          <Link to="/join" className="button">
            Join the coalition
          </Link>
          <Link to="/demands" className="button button--secondary">
            See our demands
          </Link>
        </div>
      </section>

      {now}

      <h2>How it works</h2>
      <ol className="card-grid">
        <li className="card">
          <h3>Propose</h3>
          <p>Any member can propose a policy demand: what should change, and why.</p>
        </li>
        <li className="card">
          <h3>Draft together</h3>
          <p>Members comment, suggest amendments and improve the text. Every version is kept and can be compared.</p>
        </li>
        <li className="card">
          <h3>Decide</h3>
          <p>
            Members vote by secret ballot under a rule stated in advance, including a rule that needs the support of people with
            lived experience.
          </p>
        </li>
        <li className="card">
          <h3>Campaign</h3>
          <p>Adopted demands become campaigns, with petitions, letters to decision makers, and organisations endorsing them.</p>
        </li>
      </ol>

      <section className="prose">
        <h2>Your privacy</h2>
        <p>
          You can take part under any name you choose. If you tell us about your experience of mental health, we keep it private and
          only ever use it in anonymous totals. Your vote is secret. <Link to="/privacy">How we handle your information</Link>.
        </p>
      </section>
    </>
  );
}
