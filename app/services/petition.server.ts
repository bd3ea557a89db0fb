import { sql } from "kysely";
import type { Database } from "../../db";
import { addCountDelta, insertPetition, setPetitionStatus, type PetitionFields } from "~/models/petition.server";
import { queueEmail } from "~/utils/email.server";
import { getAppUrl } from "~/utils/env.server";
import { normaliseSignerEmail } from "~/utils/petition-signers";
import { generateToken, hashToken } from "~/utils/tokens.server";

export const SIGNATURE_LINK_DAYS = 14;
export const MAX_EMAILS_PER_SIGNATURE = 5;

/** A readable address from the title, with a random tail so two petitions never collide. */
function slugFor(title: string) {
  const base = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${base || "petition"}-${generateToken().slice(0, 6)}`;
}

export async function createPetition(db: Database, campaignId: number, actorId: number, fields: PetitionFields) {
  return insertPetition(db, campaignId, actorId, slugFor(fields.title), fields);
}

export const openPetition = (db: Database, id: number) => setPetitionStatus(db, id, ["draft"], "open");
export const closePetition = (db: Database, id: number) => setPetitionStatus(db, id, ["open"], "closed");

export interface SignatureInput {
  name: string;
  email: string;
  outwardCode: string | null;
  showName: boolean;
  campaignConsent: boolean;
}

/**
 * Records a signature, or re-sends the confirmation for one already waiting (at most 5 emails a
 * signature), in one statement: INSERT ... ON CONFLICT on (petition, normalised email), so racing
 * submits never error or double count. A confirmed signature is left alone and gets no email. The
 * caller shows the same page whatever happened.
 */
export async function signPetition(db: Database, petition: { id: number; slug: string; title: string }, input: SignatureInput) {
  const confirmToken = generateToken();
  const withdrawToken = generateToken();
  return db.transaction().execute(async (trx) => {
    const row = await sql<{ sent: boolean }>`
      insert into petition_signature (petition_id, email, email_normalised, name, outward_code, show_name, campaign_consent, token_hash, token_expires_at, withdraw_token_hash)
      values (${petition.id}, ${input.email.trim()}, ${normaliseSignerEmail(input.email)}, ${input.name}, ${input.outwardCode}, ${input.showName}, ${input.campaignConsent},
              ${hashToken(confirmToken)}, now() + make_interval(days => ${SIGNATURE_LINK_DAYS}), ${hashToken(withdrawToken)})
      on conflict (petition_id, email_normalised) do update set
        token_hash = excluded.token_hash,
        token_expires_at = excluded.token_expires_at,
        withdraw_token_hash = excluded.withdraw_token_hash,
        name = excluded.name, outward_code = excluded.outward_code, show_name = excluded.show_name, campaign_consent = excluded.campaign_consent,
        emails_sent = petition_signature.emails_sent + 1
      where petition_signature.status = 'pending' and petition_signature.emails_sent < ${MAX_EMAILS_PER_SIGNATURE}
      returning true as sent`.execute(trx);
    // No row back: already confirmed (or withdrawn), or out of emails. Nothing to send.
    if (!row.rows[0]?.sent) return { emailed: false };
    const base = `${getAppUrl()}/petitions/${petition.slug}`;
    await queueEmail(trx, {
      template: "ConfirmSignature",
      to: input.email.trim(),
      props: { petitionTitle: petition.title, confirmUrl: `${base}/confirm/${confirmToken}`, withdrawUrl: `${base}/withdraw/${withdrawToken}`, days: SIGNATURE_LINK_DAYS },
    });
    return { emailed: true };
  });
}

export type ConfirmResult = { ok: true; alreadyConfirmed: boolean } | { ok: false };

/**
 * Confirms the signature a link belongs to: counted once (a delta for the fold), however often the
 * button is pressed. An expired or unknown link is refused; a withdrawn signature stays withdrawn.
 */
export async function confirmSignature(db: Database, petitionId: number, token: string): Promise<ConfirmResult> {
  return db.transaction().execute(async (trx) => {
    const signature = await trx
      .selectFrom("petition_signature")
      .select(["id", "status", "token_expires_at"])
      .where("token_hash", "=", hashToken(token))
      .where("petition_id", "=", petitionId)
      .forUpdate()
      .executeTakeFirst();
    if (!signature || signature.status === "withdrawn") return { ok: false } as const;
    if (signature.status === "confirmed") return { ok: true, alreadyConfirmed: true } as const;
    if (new Date(signature.token_expires_at) <= new Date()) return { ok: false } as const;
    await trx.updateTable("petition_signature").set({ status: "confirmed", confirmed_at: new Date() }).where("id", "=", signature.id).execute();
    await addCountDelta(trx, petitionId, 1);
    return { ok: true, alreadyConfirmed: false } as const;
  });
}

/** Withdraws a signature from the link in its email; a confirmed one comes off the count. */
export async function withdrawSignature(db: Database, petitionId: number, token: string) {
  return db.transaction().execute(async (trx) => {
    const signature = await trx
      .selectFrom("petition_signature")
      .select(["id", "status"])
      .where("withdraw_token_hash", "=", hashToken(token))
      .where("petition_id", "=", petitionId)
      .forUpdate()
      .executeTakeFirst();
    if (!signature) return false;
    if (signature.status === "withdrawn") return true;
    await trx.updateTable("petition_signature").set({ status: "withdrawn" }).where("id", "=", signature.id).execute();
    if (signature.status === "confirmed") await addCountDelta(trx, petitionId, -1);
    return true;
  });
}

/** Whether a token belongs to a signature of this petition (for the link pages' first view). */
export async function findSignatureLink(db: Database, petitionId: number, token: string, kind: "confirm" | "withdraw") {
  const column = kind === "confirm" ? "token_hash" : "withdraw_token_hash";
  return db.selectFrom("petition_signature").select(["status", "token_expires_at"]).where(column, "=", hashToken(token)).where("petition_id", "=", petitionId).executeTakeFirst();
}
