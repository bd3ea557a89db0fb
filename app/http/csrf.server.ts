/**
 * CSRF defence for every state-changing request: browsers send Sec-Fetch-Site and Origin on POSTs,
 * and a forged cross-site form cannot fake them. Requests with neither header come from non-browser
 * clients (curl, mail providers' one-click unsubscribe), which carry no victim's cookies.
 * SameSite=Lax on the session cookie is the second layer.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface CsrfInput {
  method: string;
  origin: string | undefined;
  secFetchSite: string | undefined;
  host: string | undefined;
  trustedOrigins: string[];
}

export type CsrfVerdict = { ok: true } | { ok: false; reason: string };

export function checkCsrf(input: CsrfInput): CsrfVerdict {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { ok: true };
  if (input.secFetchSite && input.secFetchSite !== "same-origin" && input.secFetchSite !== "none") {
    return { ok: false, reason: `cross-site request (Sec-Fetch-Site: ${input.secFetchSite})` };
  }
  if (input.origin !== undefined) {
    if (input.origin === "null") return { ok: false, reason: "opaque origin" };
    const allowed = new Set(input.trustedOrigins);
    if (input.host) {
      allowed.add(`http://${input.host}`);
      allowed.add(`https://${input.host}`);
    }
    if (!allowed.has(input.origin)) return { ok: false, reason: `untrusted origin ${input.origin}` };
  }
  return { ok: true };
}
