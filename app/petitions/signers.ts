/**
 * One signature per person: the address compared in lower case, with Gmail's dots and any "+tag"
 * folded (they reach the same inbox), so "Jo.Bloggs+x@gmail.com" and "jobloggs@googlemail.com" are
 * one signer.
 */
export function normaliseSignerEmail(email: string): string {
  const [rawLocal = "", rawDomain = ""] = email.trim().toLowerCase().split(/@(?=[^@]*$)/);
  let local = rawLocal.split("+")[0]!;
  let domain = rawDomain;
  if (domain === "googlemail.com") domain = "gmail.com";
  if (domain === "gmail.com") local = local.replace(/\./g, "");
  return `${local}@${domain}`;
}

// A full UK postcode ("SW1A 1AA") or just its outward code ("SW1A"), spaces and case forgiven.
const FULL = /^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})$/;
const OUTWARD = /^([A-Z]{1,2}[0-9][0-9A-Z]?)$/;

/** The outward code of a UK postcode (the part kept), or null when it is not one. */
export function outwardCode(postcode: string): string | null {
  const value = postcode.trim().toUpperCase().replace(/\s+/g, " ");
  const match = FULL.exec(value) ?? OUTWARD.exec(value);
  return match ? match[1]! : null;
}
