import { useEffect, useState } from "react";

/** Where a page can be shared: each a plain link (no JavaScript, no tracking scripts). */
function shareTargets(text: string, url: string) {
  const body = `${text}\n\n${url}`;
  return [
    { label: "WhatsApp", href: `https://wa.me/?${new URLSearchParams({ text: `${text} ${url}` })}` },
    // Mail programs read "+" literally: spaces as %20.
    { label: "Email", href: `mailto:?${new URLSearchParams({ subject: text, body }).toString().replace(/\+/g, "%20")}` },
    { label: "Bluesky", href: `https://bsky.app/intent/compose?${new URLSearchParams({ text: `${text} ${url}` })}` },
    { label: "X (Twitter)", href: `https://twitter.com/intent/tweet?${new URLSearchParams({ text, url })}` },
    { label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?${new URLSearchParams({ u: url })}` },
  ];
}

/**
 * Share links for a public page. Without JavaScript the address is shown in a box to select and
 * copy; with it, a "Copy link" button copies it and says so.
 */
export function ShareLinks({ text, url, headingId, heading = "Share it", headingLevel = 2 }: { text: string; url: string; headingId: string; heading?: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  const copy = async () => {
    await navigator.clipboard.writeText(url);
    setCopied(true);
  };
  return (
    <>
      <Heading id={headingId}>{heading}</Heading>
      <ul className="share-links">
        {shareTargets(text, url).map((s) => (
          <li key={s.label}>
            <a href={s.href} rel="noopener noreferrer" target="_blank">
              Share by {s.label}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </li>
        ))}
      </ul>
      <label className="field__label small" htmlFor={`${headingId}-url`}>
        Or copy this address
      </label>
      <input className="input share-url" id={`${headingId}-url`} readOnly value={url} />
      {canCopy ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => void copy()}>
            Copy link
          </button>{" "}
          <span role="status">{copied ? "Copied." : ""}</span>
        </p>
      ) : null}
    </>
  );
}
