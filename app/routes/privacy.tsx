import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getEnv } from "~/utils/env.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Privacy notice");

export function loader() {
  const env = getEnv();
  return { controller: env.COALITION_NAME, contact: env.CONTACT_EMAIL, petitionDays: env.PETITION_RETENTION_DAYS };
}

/** The privacy notice: only what Chorus does today, in plain words (UK GDPR articles 13 and 14). */
export default function Privacy() {
  const { controller, contact, petitionDays } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <h1>How we handle your information</h1>
      <p className="lead">We ask for as little as we can, explain why, and let you take it back.</p>

      <h2>Who is responsible</h2>
      <p>
        {controller} runs this site and is the controller of your personal information. Write to <a href={`mailto:${contact}`}>{contact}</a> with any
        question about your information or to use any of your rights.
      </p>

      <h2>What we hold and why</h2>
      <ul>
        <li>
          <strong>Your email address and password</strong> (the password only as a one-way hash): to let you sign in and to send you what you ask for. Our
          basis is the membership you agreed to.
        </li>
        <li>
          <strong>Your name</strong>: shown next to what you write. You can use a pseudonym; we never need your real name.
        </li>
        <li>
          <strong>Your perspective</strong>, if you choose to share it (lived experience of mental distress, carer, practitioner, researcher or supporter).
          This is health information, so we ask for your separate, explicit consent. It is never shown on your profile or next to your name, and is only
          used in anonymous totals, where any group smaller than 5 people is hidden.
        </li>
        <li>
          <strong>What you write</strong>: demands, amendments and comments, shown with your name to other visitors.
        </li>
        <li>
          <strong>Your votes</strong>: ballots are secret. We store them to count them and to let you change your vote while voting is open; only totals
          are published. A reason you give is only published, without your name, if you tick the box to publish it.
        </li>
        <li>
          <strong>Your organisations</strong>: which organisations you belong to, and whether you chose to be listed on their page.
        </li>
        <li>
          <strong>Where you are signed in</strong>: for each session, the browser and the time it was last used, so you can sign out of other devices.
        </li>
      </ul>

      <h2>If you sign a petition</h2>
      <p>
        You do not need an account. We keep your name, your email address (to confirm your signature and, only if you
        ticked the box, to send you news about the campaign), the first half of your postcode if you gave it (to show
        where support comes from), and a scrambled fingerprint of your network address (to spot mass fake signing; the
        address itself is not stored). Your first name is shown on the petition only if you chose that. Organisers can
        download names and postcode areas to deliver the petition, and emails only of those who asked for news. Every
        email has a link to withdraw your signature or stop the news.
      </p>

      <h2>If you write a letter</h2>
      <p>
        You do not need an account. We keep your name, your email address (to confirm the letter, to ask whether you got a reply, and, only if you
        ticked the box, to tell you when decision makers respond to the campaign), your postcode (to find who represents you; when your details are
        deleted only its first half stays, for the campaign&rsquo;s figures) and your letter. Your letter goes to the decision makers with your name and address so they can reply
        to you. We delete your own words 28 days after the letter is sent, and your name, email and postcode on the same schedule as petition signers&rsquo;.
        Every news email has a link to stop it.
      </p>

      <h2>If you register for an event</h2>
      <p>
        Members register with their account; anyone else gives a name (it need not be their full name) and an email address, which we use to confirm
        the place and to write about that event only (a reminder the day before, a change of time or place, a place coming free). The event&rsquo;s
        hosts (the organisation, campaign or coalition running it) see who registered, to run the day. If you choose to be paid as an expert by
        experience, the hosts see that too, and after the event they pass your name, email and the amount to their finance team.
      </p>
      <p>
        Access needs you tell us about (step-free access, BSL or captions, a quiet room, dietary needs and anything else) can say something about your
        health, so we treat them with the same care as health data: only the hosts see them, on their registrations page and in their download; they
        are never on public pages, in anyone else&rsquo;s email or in notifications; and we delete them 30 days after the event, or straight away if
        you cancel or delete your account. The event&rsquo;s page shows how many people came, never who. Members find their registrations and access
        needs in their data download, and their private calendar address under Settings, where they can replace it at any time.
      </p>

      <h2>If you tell a story</h2>
      <p>
        A story about your own experience is yours, shared on your terms. When it touches your health it is special category information under UK GDPR,
        so we only publish it with your explicit consent, given separately for each use below, and we never ask for a diagnosis.
      </p>
      <ul>
        <li>
          <strong>Before it is published</strong> only you and our moderators can read it. A moderator reads every story first; they may ask you to
          change something, decline it with a reason, or, if it suggests someone is at risk, pass it to our safeguarding route and show you where to
          get help now.
        </li>
        <li>
          <strong>Who may read it</strong> is your choice: anyone (including people who are not members), members only, or only the organisers of the
          campaigns you name. Only stories you let anyone read appear in our open data, and never one for members or organisers only.
        </li>
        <li>
          <strong>Under which name</strong>: your display name, a first name you give, &ldquo;a member of&rdquo; one of your organisations,
          &ldquo;someone in&rdquo; a place you give, or anonymous. We never show your email address, and never link a story to a petition you signed or
          a letter you wrote.
        </li>
        <li>
          <strong>Quoting it to decision makers</strong>: only if you agree, a campaign can include your story, under the name you chose, in a printed
          pack it delivers to a decision maker with a petition or a request.
        </li>
        <li>
          <strong>Research</strong>: only if you agree, researchers may use your story in combined, anonymous findings, never linked to you or your
          account.
        </li>
        <li>
          <strong>Changing your mind</strong>: you can change any of these choices, or withdraw your story, at any time. Withdrawing removes it from
          every page, list, search and open data at once, leaves it out of anything delivered from then on, and marks the packs already delivered
          with it so organisers can tell the decision maker. We keep a dated record of each choice you made, withdrawal included, so we can always show
          what you had agreed to and when.
        </li>
        <li>
          <strong>Keeping it out of the way</strong>: a story&rsquo;s words never go into our logs or into emails; an email only says that a new story was
          published. Readers can choose to hide stories with content notes they would rather not see: a member&rsquo;s choice is kept with their account,
          a visitor&rsquo;s in a cookie on their device.
        </li>
      </ul>

      <h2>If you are a decision maker</h2>
      <p>
        We hold your name, role, the body you belong to, the areas you cover and your official email address, taken from public sources or your
        office. We use the address to deliver letters and campaigns&rsquo; requests to you; it is never shown publicly. Because they are part of a
        public role, we publish what campaigns asked you and when, the number of letters you received through Chorus (never the letters), how writers
        said you replied (counts only), and any response you give through the link we send, in your own words and dated. Published responses and
        their history are kept as a public record; to correct one, write to <a href={`mailto:${contact}`}>{contact}</a> and the correction is added
        to the record with its date.
      </p>

      <h2>How long we keep it</h2>
      <ul>
        <li>Your account: until you delete it. Deleting removes your email, name, perspective and sessions straight away.</li>
        <li>
          What you wrote in discussions stays after you leave, shown as written by a &ldquo;Former member&rdquo;, so conversations still make sense. Your
          votes stay in the totals but are no longer linked to you.
        </li>
        <li>
          Your stories: until you delete your account. From the moment you withdraw a story nobody but you can read it. When you delete your account
          your stories are deleted with it, with their history, whatever stage they are at, unless you tick the box to leave your published stories
          anonymously: then their words stay, shown as &ldquo;Anonymous&rdquo;, for the readers you chose, with nothing linking them to you (so they
          can no longer be withdrawn). A story told after signing a petition or writing a letter, without an account, can be withdrawn at any time
          with the link in the email we sent you.
        </li>
        <li>Sign-in sessions: 30 days after you last used them. Links we email you: one hour, and they work once.</li>
        <li>
          Petition signatures: {petitionDays} days after the petition closes we delete signers&apos; names, emails and
          network fingerprints, and keep only the count and postcode areas.
        </li>
        <li>Access needs told to an event&rsquo;s hosts: 30 days after the event.</li>
      </ul>

      <h2>Who else sees it</h2>
      <p>
        We never sell or share your information. Emails are sent through our email provider, which processes your address only to deliver them. Other
        members and visitors see your name next to what you write, and nothing else about you.
      </p>

      <h2>Your rights</h2>
      <p>
        From your <Link to="/settings/data">settings</Link> you can download everything we hold about you, and delete your account. You can change or
        withdraw your perspective at any time, and withdrawing deletes it. For anything else, including correcting information, write to{" "}
        <a href={`mailto:${contact}`}>{contact}</a>.
      </p>

      <h2>How to complain</h2>
      <p>
        If you are unhappy with how we handle your information, tell us first at <a href={`mailto:${contact}`}>{contact}</a>. You can also complain to the
        Information Commissioner&apos;s Office (ICO), the UK regulator: ico.org.uk/make-a-complaint, or call 0303 123 1113.
      </p>
    </div>
  );
}
