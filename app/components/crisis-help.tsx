/**
 * The crisis numbers, said one way wherever Chorus shows them: the Get help now page, and the page of
 * a story a moderator passed to the safeguarding route. (Emails carry their own copy: emails/ imports
 * nothing from app/.)
 */
export function CrisisHelp() {
  return (
    <ul className="phone-list">
      <li>
        <strong>
          Call <a href="tel:999">999</a>
        </strong>
        <br />
        If you or someone else is in immediate danger, or has seriously hurt themselves.
      </li>
      <li>
        <strong>
          Call <a href="tel:111">NHS 111</a> and choose option 2
        </strong>
        <br />
        For urgent mental health help in England, any time of day or night.
      </li>
      <li>
        <strong>
          Call Samaritans on <a href="tel:116123">116 123</a>
        </strong>
        <br />
        Free, 24 hours a day, every day. Someone will listen, whatever you are going through.
      </li>
      <li>
        <strong>
          Text SHOUT to <a href="sms:85258?body=SHOUT">85258</a>
        </strong>
        <br />
        A free, confidential text service, 24 hours a day, if you would rather not talk.
      </li>
    </ul>
  );
}

/**
 * What a teller sees on their own story's page when a moderator passed it to the safeguarding route:
 * gently, that we were worried, that it is not published, where help is, and that someone may contact
 * them. For the teller's story page (and its no-account twin).
 */
export function StorySafeguardingNotice({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="notice" aria-labelledby="story-safeguarding-heading">
      <Heading id="story-safeguarding-heading">We are worried about you</Heading>
      <p>
        Thank you for trusting us with your story. Something in it made us worried about your safety, or someone else&apos;s, so we have not published it. Nobody
        else can read it.
      </p>
      <p>If you need help now, these services are free and open now:</p>
      <CrisisHelp />
      <p>Someone from the coalition may contact you to check you are all right. You do not have to reply. Chorus is not a support service, and nobody monitors it around the clock.</p>
    </section>
  );
}
