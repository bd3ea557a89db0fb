import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv } from "./env.server";

// Signed with COOKIE_SECRET (required in production); without it (development) a per-process
// secret, so a development link stops working after a restart. Read on first use: this module is
// loaded at start-up, before the configuration has been checked and reported.
let secret: string | undefined;
const mac = (signatureId: number) => {
  secret ??= getEnv().COOKIE_SECRET ?? randomBytes(32).toString("hex");
  return createHmac("sha256", secret).update(`petition-news-off:${signatureId}`).digest("hex").slice(0, 32);
};

/** The token in a news email's "stop" link: the signature's id and a MAC, so nothing needs storing. */
export function newsOffToken(signatureId: number) {
  return `${signatureId}.${mac(signatureId)}`;
}

/** The signature a "stop" link belongs to, or null if the link was not made by us. */
export function readNewsOffToken(token: string): number | null {
  const match = /^(\d{1,15})\.([0-9a-f]{32})$/.exec(token);
  if (!match) return null;
  const id = Number(match[1]);
  const expected = Buffer.from(mac(id));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
