/**
 * Security headers for every response. Scripts run only with this request's nonce (Remix's own
 * inline scripts get it), styles only from our stylesheet, and no one may frame Chorus.
 */
export function securityHeaders(options: { nonce: string; production: boolean; path: string }): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options.nonce, options.path),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), interest-cohort=()",
  };
  if (options.production) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  if (isOutboxPreview(options.path)) headers["X-Frame-Options"] = "SAMEORIGIN";
  // The petition counter is made to be framed by partner organisations' sites.
  if (isPetitionEmbed(options.path)) {
    delete headers["X-Frame-Options"];
    headers["Cross-Origin-Resource-Policy"] = "cross-origin";
  }
  return headers;
}

function isPetitionEmbed(path: string) {
  return /^\/petitions\/[a-z0-9-]+\/embed$/.test(path);
}

// The development outbox shows each email's own HTML (inline styles and all) inside a sandboxed
// frame on our page; that one document gets a policy of its own that runs no script at all.
function isOutboxPreview(path: string) {
  return /^\/dev\/outbox\/\d+\/html$/.test(path);
}

function contentSecurityPolicy(nonce: string, path: string) {
  if (isOutboxPreview(path)) {
    return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox";
  }
  // A static counter: its own inline styles, no script, no forms, framed by anyone.
  if (isPetitionEmbed(path)) return "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
