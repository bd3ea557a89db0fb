import { sql } from "kysely";
import type { Database } from "../../db";
import { insertCampaignEvent } from "~/models/campaign.server";
import { addCountDelta, insertPetition, setPetitionStatus, type PetitionFields } from "~/models/petition.server";
import { queueEmails } from "~/services/email.server";
import { enqueueJob, JOBS } from "~/services/jobs.server";
import { signedLinkToken } from "~/utils/signed-links.server";
import { getAppUrl, signingSecret } from "~/utils/env.server";
import { rateLimitHit } from "~/models/rate-limit.server";
import { RATE_LIMITS } from "~/services/rate-limit.server";
import type { EmailTemplateProps } from "../../emails";
import { todayInLondon } from "~/utils/london-time";
import { normaliseSignerEmail } from "~/petitions/signers";
import { slugFor } from "~/utils/slugs.server";
import { generateToken, hashToken } from "~/utils/tokens.server";

export const SIGNATURE_LINK_DAYS = 14;
export const MAX_EMAILS_PER_SIGNATURE = 5;

export async function createPetition(db: Database, campaignId: number, actorId: number, fields: PetitionFields) {
  return insertPetition(db, campaignId, actorId, slugFor(fields.title, "petition"), fields);
}

export const openPetition = (db: Database, id: number) => setPetitionStatus(db, id, ["draft"], "open");
export const closePetition = (db: Database, id: number) => setPetitionStatus(db, id, ["open"], "closed");

/**
 * Marks a closed petition delivered, with a note that also goes on the campaign's timeline as a
 * "petition delivered" milestone, in one transaction.
 */
export async function deliverPetition(db: Database, petitionId: number, actorId: number, note: string) {
  return db.transaction().execute(async (trx) => {
    const petition = await trx
      .updateTable("petition")
      .set({ status: "delivered", delivered_note: note, delivered_at: new Date() })
      .where("id", "=", petitionId)
      .where("status", "=", "closed")
      .returning(["campaign_id", "title", "signature_count"])
      .executeTakeFirst();
    if (!petition) return false;
    await insertCampaignEvent(trx, {
      campaignId: petition.campaign_id,
      kind: "petition_delivered",
      title: `Petition delivered: ${petition.title}`.slice(0, 150),
      body: `${petition.signature_count.toLocaleString("en-GB")} confirmed signatures.\n\n${note}`,
      happenedOn: todayInLondon(),
      authorId: actorId,
    });
    // Signers who asked for news hear that it was delivered, with the same note.
    await queuePetitionNews(trx, petitionId, { subject: `Delivered: ${petition.title}`.slice(0, 150), message: `The petition you signed was delivered with ${petition.signature_count.toLocaleString("en-GB")} signatures.\n\n${note}` });
    return true;
  });
}

export interface SignatureInput {
  name: string;
  email: string;
  outwardCode: string | null;
  showName: boolean;
  campaignConsent: boolean;
  /**
   * The signer's network address, when signing over HTTP: counted against the per-network limit
   * (over it, the signature is marked suspect, silently) and kept only as a keyed hash.
   */
  network?: string | null;
}

/** A keyed hash of an IP address: groups signatures from one network without storing the address. */
export function networkHash(ip: string) {
  return hashToken(`${signingSecret()}:${ip}`);
}

/**
 * Records a signature, or re-sends the confirmation for one already waiting (at most 5 emails a
 * signature), in one statement and one round trip: the network's rate-limit hit, the signature
 * (INSERT ... ON CONFLICT on petition and normalised email, so racing submits never error or double
 * count) and its confirmation email, marked waiting for the sweep that queues mail in batches
 * (queueWaitingEmails). A confirmed signature is left alone and gets no email. The caller shows
 * the same page whatever happened.
 */
export async function signPetition(db: Database, petition: { id: number; slug: string; title: string }, input: SignatureInput) {
  const confirmToken = generateToken();
  const withdrawToken = generateToken();
  const base = `${getAppUrl()}/petitions/${petition.slug}`;
  const props = { petitionTitle: petition.title, confirmUrl: `${base}/confirm/${confirmToken}`, withdrawUrl: `${base}/withdraw/${withdrawToken}`, days: SIGNATURE_LINK_DAYS } satisfies EmailTemplateProps<"ConfirmSignature">;
  const rule = RATE_LIMITS.signPerIpPerPetition;
  const limitKey = input.network ? `${rule.name}:${petition.id}:${input.network}` : null;
  const result = await sql<{ id: number }>`
    with hit as (${rateLimitHit(limitKey, rule.windowSeconds)}), signature as (
      insert into petition_signature (petition_id, email, email_normalised, name, outward_code, show_name, campaign_consent, token_hash, token_expires_at, withdraw_token_hash, suspect, ip_hash)
      values (${petition.id}, ${input.email.trim()}, ${normaliseSignerEmail(input.email)}, ${input.name}, ${input.outwardCode}, ${input.showName}, ${input.campaignConsent},
              ${hashToken(confirmToken)}, now() + make_interval(days => ${SIGNATURE_LINK_DAYS}), ${hashToken(withdrawToken)},
              coalesce((select hits from hit), 0) > ${rule.limit}, ${input.network ? networkHash(input.network) : null})
      on conflict (petition_id, email_normalised) do update set
        token_hash = excluded.token_hash,
        token_expires_at = excluded.token_expires_at,
        withdraw_token_hash = excluded.withdraw_token_hash,
        name = excluded.name, outward_code = excluded.outward_code, show_name = excluded.show_name, campaign_consent = excluded.campaign_consent,
        -- Signing again after withdrawing starts a new signature: pending until its new link is confirmed.
        status = 'pending',
        confirmed_at = null,
        emails_sent = case when petition_signature.status = 'withdrawn' then 1 else petition_signature.emails_sent + 1 end,
        suspect = petition_signature.suspect or excluded.suspect,
        ip_hash = coalesce(excluded.ip_hash, petition_signature.ip_hash)
      where (petition_signature.status = 'pending' and petition_signature.emails_sent < ${MAX_EMAILS_PER_SIGNATURE})
         or petition_signature.status = 'withdrawn'
      returning id
    )
    insert into email (template, to_address, props, idempotency_key, waiting)
    select 'ConfirmSignature', ${input.email.trim().toLowerCase()}, ${JSON.stringify(props)}::jsonb, ${`confirm-signature:${hashToken(confirmToken)}`}, true from signature
    returning id`.execute(db);
  // No email row: already confirmed, or out of emails. Nothing to send.
  return { emailed: result.rows.length > 0 };
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

/**
 * Invalidates one suspect cluster (a network and an email domain) after the organiser has seen the
 * preview: its pending and confirmed signatures stop counting, exactly (a -1 delta per confirmed one).
 */
export async function invalidateSuspectCluster(db: Database, petitionId: number, ipHash: string | null, domain: string) {
  return db.transaction().execute(async (trx) => {
    const result = await sql<{ was: string }>`
      with target as (
        select id, status from petition_signature
        where petition_id = ${petitionId} and suspect and status in ('pending', 'confirmed')
          and ip_hash is not distinct from ${ipHash} and split_part(email_normalised, '@', 2) = ${domain}
        for update
      )
      update petition_signature s set status = 'invalid' from target where s.id = target.id
      returning target.status as was`.execute(trx);
    const confirmed = result.rows.filter((r) => r.was === "confirmed").length;
    if (confirmed) await addCountDelta(trx, petitionId, -confirmed);
    return { invalidated: result.rows.length, confirmed };
  });
}

export const NEWS_BATCH_SIZE = 2_000;

/**
 * Starts sending news to the signers who asked for it: one job, which writes 2,000 emails at a time
 * and queues the next, so a petition of 100,000 never holds one transaction (or the mail queue) long.
 * Written through the caller's transaction, with the change that prompted it.
 */
export async function queuePetitionNews(trx: Database, petitionId: number, news: { subject: string; message: string }) {
  await enqueueJob(trx, JOBS.petitionNews, { petitionId, messageKey: generateToken().slice(0, 12), subject: news.subject, message: news.message, afterId: 0 });
}

/** One batch of a news send (the petition.news job): emails with a stop link each, then the next batch. */
export async function sendPetitionNewsBatch(db: Database, job: { petitionId: number; messageKey: string; subject: string; message: string; afterId: number }, batchSize = NEWS_BATCH_SIZE) {
  return db.transaction().execute(async (trx) => {
    const petition = await trx.selectFrom("petition").select(["slug", "title"]).where("id", "=", job.petitionId).executeTakeFirst();
    if (!petition) return { sent: 0, done: true };
    const signers = await trx
      .selectFrom("petition_signature")
      .select(["id", "email"])
      .where("petition_id", "=", job.petitionId)
      .where("status", "=", "confirmed")
      .where("campaign_consent", "=", true)
      .where("id", ">", job.afterId)
      .orderBy("id")
      .limit(batchSize)
      .execute();
    const base = `${getAppUrl()}/petitions/${petition.slug}`;
    const sent = await queueEmails(
      trx,
      "PetitionNews",
      signers.map((s) => {
        const stopUrl = `${base}/news-off/${signedLinkToken("petition-news-off", s.id)}`;
        return {
          to: s.email,
          idempotencyKey: `petition-news:${job.messageKey}:${s.id}`,
          props: { petitionTitle: petition.title, subject: job.subject, message: job.message, petitionUrl: base, stopUrl },
          // One-click unsubscribe (RFC 8058): the stop link takes a cookie-less POST.
          headers: { "List-Unsubscribe": `<${stopUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        };
      }),
    );
    const done = signers.length < batchSize;
    if (!done) await enqueueJob(trx, JOBS.petitionNews, { ...job, afterId: signers[signers.length - 1]!.id });
    return { sent, done };
  });
}

/** A signer's "stop" link: no more campaign news to them. */
export async function stopPetitionNews(db: Database, petitionId: number, signatureId: number) {
  await db.updateTable("petition_signature").set({ campaign_consent: false }).where("id", "=", signatureId).where("petition_id", "=", petitionId).execute();
}

/**
 * The minute sweep: closes open petitions whose closing date has passed, each with an entry on its
 * campaign's timeline, in one transaction. Returns how many it closed.
 */
export async function closeDuePetitions(db: Database) {
  return db.transaction().execute(async (trx) => {
    const closed = await trx
      .updateTable("petition")
      .set({ status: "closed", closed_at: sql<Date>`closes_at` })
      .where("status", "=", "open")
      .where("closes_at", "<=", new Date())
      .returning(["id", "campaign_id", "title", "signature_count"])
      .execute();
    for (const p of closed) {
      await insertCampaignEvent(trx, {
        campaignId: p.campaign_id,
        kind: "update",
        title: `Petition closed: ${p.title}`.slice(0, 150),
        body: `It closed on its closing date with ${p.signature_count.toLocaleString("en-GB")} confirmed signatures.`,
        happenedOn: todayInLondon(),
        authorId: null,
      });
    }
    return closed.length;
  });
}
