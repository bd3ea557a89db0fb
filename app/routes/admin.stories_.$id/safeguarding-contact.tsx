import { Form } from "@remix-run/react";

const VIA = { account: "the address of their Chorus account", petition: "the address they signed a petition with", letter: "the address they wrote a letter with" } as const;

/**
 * For coalition admins, on a story held for the safeguarding route: the teller's address, shown only
 * when asked for (the look-up is audited), so someone can check they are safe.
 */
export function SafeguardingContact({ contact, message }: { contact: { email: string; via: keyof typeof VIA } | null; message: string | null }) {
  return (
    <section className="section" aria-labelledby="contact-heading">
      <h2 id="contact-heading">Contacting the teller</h2>
      <p>
        Its teller has been shown where to get help now and told that someone from the coalition may contact them. If you decide to, look up their address here.
        Each look-up is recorded in the audit log.
      </p>
      {contact ? (
        <p className="notice" role="status">
          Their address is <strong>{contact.email}</strong> ({VIA[contact.via]}).
        </p>
      ) : message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="contact" />
          <button type="submit" className="button button--secondary">
            Show how to contact the teller
          </button>
        </Form>
      )}
    </section>
  );
}
