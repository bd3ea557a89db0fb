import type { Database } from "../../db";
import { insertCampaignEvent } from "~/models/campaign.server";
import {
  addCountDelta,
  closePetitionsPastClosingDate,
  getPetitionForNews,
  getSignatureByTokenForUpdate,
  getSignatureByWithdrawTokenForUpdate,
  getSignatureLink,
  insertPetition,
  insertSignatureWithEmail,
  invalidateSuspectSignatures,
  listNewsSigners,
  markPetitionDelivered,
  markSignatureConfirmed,
  markSignatureWithdrawn,
  setPetitionStatus,
  stopSignerNews,
  type PetitionFields,
  updateDraftPetition,
} from "~/models/petition.server";
import { setPetitionTargets } from "~/models/ask.server";
import { queueEmails } from "~/services/email.server";
import { enqueueJob, JOBS } from "~/services/jobs.server";
import { signedLinkToken } from "~/utils/signed-links.server";
import { getAppUrl, signingSecret } from "~/utils/env.server";
import { RATE_LIMITS } from "~/services/rate-limit.server";
import type { EmailTemplateProps } from "../../emails";
import { todayInLondon } from "~/utils/london-time";
import { normaliseSignerEmail } from "~/petitions/signers";
import { slugFor } from "~/utils/slugs.server";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { countOf } from "~/utils/plural";

export const SIGNATURE_LINK_DAYS = 14;
export const MAX_EMAILS_PER_SIGNATURE = 5;

/** A new draft petition, with the decision makers (from the directory) its thresholds will ask. */
export async function createPetition(
  db: Database,
  campaignId: number,
  actorId: number,
  fields: PetitionFields & { targetIds?: number[] },
) {
  return db.transaction().execute(async (trx) => {
    const row = await insertPetition(trx, campaignId, actorId, slugFor(fields.title, "petition"), fields);
    await setPetitionTargets(trx, row.id, fields.targetIds ?? []);
    return row;
  });
}

export const openPetition = (db: Database, id: number) =>
  setPetitionStatus(db, id, ["draft"], "open");
export const closePetition = (db: Database, id: number) =>
  setPetitionStatus(db, id, ["open"], "closed");

/**
 * Marks a closed petition delivered, with a note that also goes on the campaign's timeline as a
 * "petition delivered" milestone, in one transaction.
 */
export async function deliverPetition(
  db: Database,
  petitionId: number,
  actorId: number,
  note: string,
) {
  return db.transaction().execute(async (trx) => {
    const petition = await markPetitionDelivered(trx, petitionId, note);
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
    await queuePetitionNews(trx, petitionId, { subject: `Delivered: ${petition.title}`.slice(0, 150), message: `The petition you signed was delivered with ${countOf(petition.signature_count, "signature")}.\n\n${note}` });;
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
export async function signPetition(
  db: Database,
  petition: { id: number; slug: string; title: string },
  input: SignatureInput,
) {
  const confirmToken = generateToken();
  const withdrawToken = generateToken();
  const base = `${getAppUrl()}/petitions/${petition.slug}`;
  const props = {
    petitionTitle: petition.title,
    confirmUrl: `${base}/confirm/${confirmToken}`,
    withdrawUrl: `${base}/withdraw/${withdrawToken}`,
    days: SIGNATURE_LINK_DAYS,
  } satisfies EmailTemplateProps<"ConfirmSignature">;
  const rule = RATE_LIMITS.signPerIpPerPetition;
  const limitKey = input.network
    ? `${rule.name}:${petition.id}:${input.network}`
    : null;
  const confirmTokenHash = hashToken(confirmToken);
  const emailed = await insertSignatureWithEmail(
    db,
    {
      petitionId: petition.id,
      email: input.email.trim(),
      emailNormalised: normaliseSignerEmail(input.email),
      name: input.name,
      outwardCode: input.outwardCode,
      showName: input.showName,
      campaignConsent: input.campaignConsent,
      tokenHash: confirmTokenHash,
      linkDays: SIGNATURE_LINK_DAYS,
      withdrawTokenHash: hashToken(withdrawToken),
      ipHash: input.network ? networkHash(input.network) : null,
    },
    {
      rateLimitKey: limitKey,
      windowSeconds: rule.windowSeconds,
      suspectOver: rule.limit,
      maxEmails: MAX_EMAILS_PER_SIGNATURE,
    },
    {
      template: "ConfirmSignature",
      toAddress: input.email.trim().toLowerCase(),
      props,
      idempotencyKey: `confirm-signature:${confirmTokenHash}`,
    },
  );
  // No email row: already confirmed, or out of emails. Nothing to send.
  return { emailed };
}

export type ConfirmResult =
  { ok: true; alreadyConfirmed: boolean } | { ok: false };

/**
 * Confirms the signature a link belongs to: counted once (a delta for the fold), however often the
 * button is pressed. An expired or unknown link is refused; a withdrawn signature stays withdrawn.
 */
export async function confirmSignature(
  db: Database,
  petitionId: number,
  token: string,
): Promise<ConfirmResult> {
  return db.transaction().execute(async (trx) => {
    const signature = await getSignatureByTokenForUpdate(
      trx,
      petitionId,
      hashToken(token),
    );
    if (!signature || signature.status === "withdrawn")
      return { ok: false } as const;
    if (signature.status === "confirmed")
      return { ok: true, alreadyConfirmed: true } as const;
    if (new Date(signature.token_expires_at) <= new Date())
      return { ok: false } as const;
    await markSignatureConfirmed(trx, signature.id);
    await addCountDelta(trx, petitionId, 1);
    return { ok: true, alreadyConfirmed: false } as const;
  });
}

/** Withdraws a signature from the link in its email; a confirmed one comes off the count. */
export async function withdrawSignature(
  db: Database,
  petitionId: number,
  token: string,
) {
  return db.transaction().execute(async (trx) => {
    const signature = await getSignatureByWithdrawTokenForUpdate(
      trx,
      petitionId,
      hashToken(token),
    );
    if (!signature) return false;
    if (signature.status === "withdrawn") return true;
    await markSignatureWithdrawn(trx, signature.id);
    if (signature.status === "confirmed")
      await addCountDelta(trx, petitionId, -1);
    return true;
  });
}

/** Whether a token belongs to a signature of this petition (for the link pages' first view). */
export async function findSignatureLink(
  db: Database,
  petitionId: number,
  token: string,
  kind: "confirm" | "withdraw",
) {
  return getSignatureLink(db, petitionId, kind, hashToken(token));
}

/**
 * Invalidates one suspect cluster (a network and an email domain) after the organiser has seen the
 * preview: its pending and confirmed signatures stop counting, exactly (a -1 delta per confirmed one).
 */
export async function invalidateSuspectCluster(
  db: Database,
  petitionId: number,
  ipHash: string | null,
  domain: string,
) {
  return db.transaction().execute(async (trx) => {
    const was = await invalidateSuspectSignatures(
      trx,
      petitionId,
      ipHash,
      domain,
    );
    const confirmed = was.filter((r) => r.was === "confirmed").length;
    if (confirmed) await addCountDelta(trx, petitionId, -confirmed);
    return { invalidated: was.length, confirmed };
  });
}

export const NEWS_BATCH_SIZE = 2_000;

/**
 * Starts sending news to the signers who asked for it: one job, which writes 2,000 emails at a time
 * and queues the next, so a petition of 100,000 never holds one transaction (or the mail queue) long.
 * Written through the caller's transaction, with the change that prompted it.
 */
export async function queuePetitionNews(
  trx: Database,
  petitionId: number,
  news: { subject: string; message: string },
) {
  await enqueueJob(trx, JOBS.petitionNews, {
    petitionId,
    messageKey: generateToken().slice(0, 12),
    subject: news.subject,
    message: news.message,
    afterId: 0,
  });
}

/** One batch of a news send (the petition.news job): emails with a stop link each, then the next batch. */
export async function sendPetitionNewsBatch(
  db: Database,
  job: {
    petitionId: number;
    messageKey: string;
    subject: string;
    message: string;
    afterId: number;
  },
  batchSize = NEWS_BATCH_SIZE,
) {
  return db.transaction().execute(async (trx) => {
    const petition = await getPetitionForNews(trx, job.petitionId);
    if (!petition) return { sent: 0, done: true };
    const signers = await listNewsSigners(
      trx,
      job.petitionId,
      job.afterId,
      batchSize,
    );
    const base = `${getAppUrl()}/petitions/${petition.slug}`;
    const sent = await queueEmails(
      trx,
      "PetitionNews",
      signers.map((s) => {
        const stopUrl = `${base}/news-off/${signedLinkToken("petition-news-off", s.id)}`;
        return {
          to: s.email,
          idempotencyKey: `petition-news:${job.messageKey}:${s.id}`,
          props: {
            petitionTitle: petition.title,
            subject: job.subject,
            message: job.message,
            petitionUrl: base,
            stopUrl,
          },
          // One-click unsubscribe (RFC 8058): the stop link takes a cookie-less POST.
          headers: {
            "List-Unsubscribe": `<${stopUrl}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          },
        };
      }),
    );
    const done = signers.length < batchSize;
    if (!done)
      await enqueueJob(trx, JOBS.petitionNews, {
        ...job,
        afterId: signers[signers.length - 1]!.id,
      });
    return { sent, done };
  });
}

/** A signer's "stop" link: no more campaign news to them. */
export async function stopPetitionNews(
  db: Database,
  petitionId: number,
  signatureId: number,
) {
  await stopSignerNews(db, petitionId, signatureId);
}

/**
 * The minute sweep: closes open petitions whose closing date has passed, each with an entry on its
 * campaign's timeline, in one transaction. Returns how many it closed.
 */
export async function closeDuePetitions(db: Database) {
  return db.transaction().execute(async (trx) => {
    const closed = await closePetitionsPastClosingDate(trx);
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

/** Organisers change a draft's wording; once open, what people signed stays as they signed it. */
export async function editDraftPetition(
  db: Database,
  petitionId: number,
  fields: PetitionFields & { targetIds?: number[] },
): Promise<{ ok: true } | { ok: false; reason: "not-draft" }> {
  return db.transaction().execute(async (trx) => {
    if (!(await updateDraftPetition(trx, petitionId, fields))) return { ok: false, reason: "not-draft" } as const;
    await setPetitionTargets(trx, petitionId, fields.targetIds ?? []);
    return { ok: true } as const;
  });
}
