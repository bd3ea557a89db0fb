import { createHash, randomUUID } from "node:crypto";
import { render } from "@react-email/render";
import { Resend } from "resend";
import type { Database } from "../../db";
import { emailTemplates, SERVICE_TEMPLATES, type EmailTemplateName, type EmailTemplateProps } from "../../emails";
import {
  claimWaitingEmails,
  getEmail,
  getEmails,
  insertEmail,
  insertEmails,
  insertOutboxMessage,
  insertOutboxMessages,
  listEmailSuppressions,
  markEmailAttemptFailed,
  markEmailSent,
  markEmailsSent,
} from "../models/email.server";
import { getEnv } from "../utils/env.server";
import { enqueueJob, enqueueJobs, JOBS } from "./jobs.server";
import { logger } from "../utils/logger.server";

export interface RenderedEmail {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

export interface EmailTransport {
  readonly name: string;
  deliver(message: RenderedEmail, idempotencyKey: string, emailId: number): Promise<{ id: string }>;
  /** Many messages in one call (Resend's batch endpoint takes up to 100); ids in the same order. */
  deliverBatch?(messages: Array<{ message: RenderedEmail; emailId: number }>, idempotencyKey: string): Promise<string[]>;
}

/** Resend's batch endpoint takes at most 100 messages a call. */
export const EMAIL_BATCH_SIZE = 100;

/** The provider refused the message for a reason retrying will not fix (bad address, validation). */
export class PermanentEmailError extends Error {
  name = "PermanentEmailError";
}

/** The provider is busy or down: the job is retried later with backoff. */
export class TransientEmailError extends Error {
  name = "TransientEmailError";
}

/**
 * Queues an email in the same transaction as the change that causes it: if the change rolls back,
 * so does the email; if it commits, the job exists and will be delivered at least once.
 * Pass `idempotencyKey` when a retried request must not send twice.
 */
export async function queueEmail<N extends EmailTemplateName>(
  trx: Database,
  email: { template: N; to: string; props: EmailTemplateProps<N>; idempotencyKey?: string; headers?: Record<string, string> },
): Promise<number | null> {
  const emailId = await insertEmail(trx, {
    template: email.template,
    toAddress: email.to.trim().toLowerCase(),
    props: email.props as Record<string, unknown>,
    idempotencyKey: email.idempotencyKey ?? randomUUID(),
    headers: email.headers,
  });
  if (emailId !== null) await enqueueJob(trx, JOBS.sendEmail, { emailId });
  return emailId;
}

/**
 * queueEmail for many recipients of one template at once (announcements to every participant).
 * They travel on their own queue, 100 to a job and one provider call, so a fan-out to thousands
 * never delays the sign-in links and confirmations on the single-email queue.
 */
export async function queueEmails<N extends EmailTemplateName>(
  trx: Database,
  template: N,
  recipients: Array<{ to: string; props: EmailTemplateProps<N>; idempotencyKey: string; headers?: Record<string, string> }>,
) {
  const ids = await insertEmails(
    trx,
    recipients.map((r) => ({ template, toAddress: r.to.trim().toLowerCase(), props: r.props as Record<string, unknown>, idempotencyKey: r.idempotencyKey, headers: r.headers })),
  );
  const batches: Array<{ emailIds: number[] }> = [];
  for (let i = 0; i < ids.length; i += EMAIL_BATCH_SIZE) batches.push({ emailIds: ids.slice(i, i + EMAIL_BATCH_SIZE) });
  await enqueueJobs(trx, JOBS.sendEmailBatch, batches);
  return ids.length;
}

/**
 * The sweep for mail written without a job (a signature's confirmation, written by the same
 * statement as the signature): up to `limit` waiting emails at a time go on the batch queue, 100 to
 * a job, claimed with SKIP LOCKED so two workers never queue the same email twice. Runs every few
 * seconds with the other frequent work; returns how many it queued.
 */
export async function queueWaitingEmails(db: Database, limit = 5_000) {
  return db.transaction().execute(async (trx) => {
    const ids = (await claimWaitingEmails(trx, limit)).sort((a, b) => a - b);
    const batches: Array<{ emailIds: number[] }> = [];
    for (let i = 0; i < ids.length; i += EMAIL_BATCH_SIZE) batches.push({ emailIds: ids.slice(i, i + EMAIL_BATCH_SIZE) });
    await enqueueJobs(trx, JOBS.sendEmailBatch, batches);
    return ids.length;
  });
}

export async function renderEmail<N extends EmailTemplateName>(template: N, props: EmailTemplateProps<N>) {
  const definition = emailTemplates[template] as unknown as {
    render: (p: EmailTemplateProps<N>) => React.ReactElement;
    subject: (p: EmailTemplateProps<N>) => string;
    replyTo?: (p: EmailTemplateProps<N>) => string;
  };
  const element = definition.render(props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const replyTo = definition.replyTo?.(props);
  return { subject: definition.subject(props), html, text, ...(replyTo ? { replyTo } : {}) };
}

/**
 * Delivers one queued email. Safe to run twice for the same id (a job retried after a crash):
 * a sent email is skipped, and the transport deduplicates with the email's idempotency key.
 */
export async function deliverEmail(db: Database, emailId: number, transport: EmailTransport = getTransport(db)): Promise<{ refused: string } | null> {
  const email = await getEmail(db, emailId);
  if (!email || email.status !== "queued") return null;
  // A suppressed address is refused like a provider refusal, so a letter to it fails and flags its decision maker.
  if ((await suppressedEmails(db, [email])).size) return { refused: "The address bounced or complained before" };
  const message = await composeEmail(db, email);
  if (!message) return null;
  try {
    const result = await transport.deliver(message, email.idempotency_key, emailId);
    await markEmailSent(db, emailId, { subject: message.subject, providerMessageId: result.id });
    logger.info("email sent", { emailId, template: email.template, transport: transport.name });
    return null;
  } catch (error) {
    const permanent = error instanceof PermanentEmailError;
    const reason = error instanceof Error ? error.message : String(error);
    await markEmailAttemptFailed(db, emailId, reason, permanent);
    logger.warn("email not sent", { emailId, permanent, error: String(error) });
    if (!permanent) throw error;
    // Refused for good: the caller tells whatever sent it (a letter flags its decision maker).
    return { refused: reason };
  }
}

/**
 * Delivers up to 100 queued emails in one provider call. Safe to run again (a retried job): emails
 * already sent are skipped, and the batch's idempotency key is derived from its email ids, so the
 * provider deduplicates a batch whose send succeeded but whose recording did not. If the provider
 * refuses the batch for good (one bad address fails them all), each email is queued on its own.
 */
export async function deliverEmailBatch(db: Database, emailIds: number[], transport: EmailTransport = getTransport(db)) {
  const queued = (await getEmails(db, emailIds)).filter((e) => e.status === "queued");
  const suppressed = await suppressedEmails(db, queued);
  const emails = queued.filter((e) => !suppressed.has(e.id));
  if (!emails.length) return;
  if (!transport.deliverBatch) {
    for (const email of emails) await deliverEmail(db, email.id, transport);
    return;
  }
  // Every recipient of an announcement gets the same props: render each distinct message once.
  const renders = new Map<string, Promise<Rendered>>();
  const messages: Array<{ message: RenderedEmail; emailId: number }> = [];
  for (const email of emails) {
    const message = await composeEmail(db, email, renders);
    if (message) messages.push({ emailId: email.id, message });
  }
  if (!messages.length) return;
  const ids = messages.map((m) => m.emailId);
  const batchKey = `batch:${createHash("sha256").update(emailIds.join(",")).digest("hex").slice(0, 32)}`;
  try {
    const providerIds = await transport.deliverBatch(messages, batchKey);
    await markEmailsSent(db, messages.map((m, i) => ({ id: m.emailId, subject: m.message.subject, providerMessageId: providerIds[i] ?? "" })));
    logger.info("email batch sent", { count: messages.length, transport: transport.name });
  } catch (error) {
    const permanent = error instanceof PermanentEmailError;
    await markEmailAttemptFailed(db, ids, error instanceof Error ? error.message : String(error), false);
    if (!permanent) throw error;
    logger.warn("email batch refused; sending each on its own", { count: messages.length, error: String(error) });
    await enqueueJobs(db, JOBS.sendEmail, ids.map((emailId) => ({ emailId })));
  }
}

type Rendered = { subject: string; html: string; text: string; replyTo?: string };

const STOP_URL_PLACEHOLDER = "https://chorus.invalid/stop-url-placeholder";

/**
 * Emails not to send because the provider told us about their address (see mail-events.server.ts):
 * none to an address that hard-bounced; only service mail to one that complained. They are marked
 * failed for good, so nothing retries them. Returns their ids.
 */
async function suppressedEmails(db: Database, emails: Array<{ id: number; template: string; to_address: string }>) {
  if (!emails.length) return new Set<number>();
  const rows = await listEmailSuppressions(db, [...new Set(emails.map((e) => e.to_address))]);
  if (!rows.length) return new Set<number>();
  const reasons = new Map(rows.map((r) => [r.address, r.reason]));
  const skipped = emails.filter((e) => {
    const reason = reasons.get(e.to_address);
    return reason === "bounced" || (reason === "complained" && !SERVICE_TEMPLATES.has(e.template as EmailTemplateName));
  });
  for (const e of skipped) await markEmailAttemptFailed(db, e.id, `Not sent: the address ${reasons.get(e.to_address)}`, true);
  return new Set(skipped.map((e) => e.id));
}

/**
 * A queued email as the transports take it, rendered from its template and props at send time.
 * An unknown template (or props already cleared) fails the email for good and returns null.
 * `renders` lets a batch render each distinct template + props once.
 */
async function composeEmail(db: Database, email: { id: number; template: string; props: unknown; to_address: string; headers?: Record<string, string> | null }, renders?: Map<string, Promise<Rendered>>) {
  if (!(email.template in emailTemplates) || !email.props) {
    await markEmailAttemptFailed(db, email.id, `Unknown template ${email.template}`, true);
    return null;
  }
  const props = email.props as Record<string, unknown>;
  let rendered: Rendered;
  if (renders) {
    // A fan-out's messages differ only in their stop link: render each distinct message once with a
    // placeholder, then put each recipient's link in (links are [a-z0-9:/._-], safe in HTML as is).
    const stopUrl = typeof props.stopUrl === "string" && /^[A-Za-z0-9:/._-]+$/.test(props.stopUrl) ? props.stopUrl : null;
    const shared = stopUrl ? { ...props, stopUrl: STOP_URL_PLACEHOLDER } : props;
    const key = `${email.template}:${JSON.stringify(shared)}`;
    if (!renders.has(key)) renders.set(key, renderEmail(email.template as EmailTemplateName, shared as never));
    const once = await renders.get(key)!;
    rendered = stopUrl ? { ...once, html: once.html.replaceAll(STOP_URL_PLACEHOLDER, stopUrl), text: once.text.replaceAll(STOP_URL_PLACEHOLDER, stopUrl) } : once;
  } else rendered = await renderEmail(email.template as EmailTemplateName, props as never);
  const message = { from: getEnv().EMAIL_FROM, to: email.to_address, headers: email.headers ?? {}, ...rendered } satisfies RenderedEmail;
  const broken = headerWithLineBreak(message);
  if (broken) {
    // Forms clean line breaks out of one-line fields; this refuses anything that got past them anyway.
    logger.error("email refused: a header holds a line break", { emailId: email.id, header: broken });
    await markEmailAttemptFailed(db, email.id, `The ${broken} header held a line break`, true);
    return null;
  }
  return message;
}

/** The name of the first header (subject, addresses, extra headers) holding CR or LF, or null: one could add headers of its own. */
export function headerWithLineBreak(message: Pick<RenderedEmail, "from" | "to" | "subject" | "headers"> & { replyTo?: string }): string | null {
  const values: Array<[string, string | undefined]> = [
    ["Subject", message.subject],
    ["From", message.from],
    ["To", message.to],
    ["Reply-To", message.replyTo],
    ...Object.entries(message.headers),
  ];
  for (const [name, value] of values) if (/[\r\n]/.test(name) || (value !== undefined && /[\r\n]/.test(value))) return name.replace(/[\r\n]/g, " ");
  return null;
}

/** Development and test transport: stores the rendered message where /dev/outbox shows it. */
export function outboxTransport(db: Database): EmailTransport {
  return {
    name: "outbox",
    async deliver(message, _key, emailId) {
      const id = await insertOutboxMessage(db, { emailId, ...message });
      return { id: `outbox-${id}` };
    },
    async deliverBatch(messages) {
      const ids = await insertOutboxMessages(db, messages.map(({ message, emailId }) => ({ emailId, ...message })));
      return messages.map((m) => `outbox-${ids.get(m.emailId)}`);
    },
  };
}

interface ResendOptions {
  apiKey: string;
  baseUrl?: string;
  maxAttempts?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** The account's API rate limit; batches leave one request a second free for single emails. */
  requestsPerSecond?: number;
  /** The pace batches keep (tests give their own, with their own clock). */
  pace?: ReturnType<typeof createBatchPace>;
}

type ResendReply<T> = { data: T | null; error: { message?: string; statusCode?: number | null } | null; headers?: Record<string, string> | null };

/**
 * When the next batch call may go: batches from every job in this process share one pace, so a
 * fan-out stays under the API's rate limit and a sign-in email (not paced) always finds a free slot.
 */
export function createBatchPace(now: () => number = Date.now) {
  let nextAt = 0;
  return async (requestsPerSecond: number, sleep: (ms: number) => Promise<void>) => {
    const interval = 1000 / Math.max(1, requestsPerSecond - 1);
    const at = Math.max(now(), nextAt);
    nextAt = at + interval;
    const wait = at - now();
    if (wait > 0) await sleep(wait);
  };
}
const processBatchPace = createBatchPace();

/**
 * Resend, with retries inside one job run for short blips (429 and 5xx, honouring Retry-After) and
 * none for 4xx validation errors. Longer outages fall through to the job queue's own backoff.
 */
export function resendTransport(options: ResendOptions): EmailTransport {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const toPayload = (message: RenderedEmail) => ({
    from: message.from,
    to: [message.to],
    subject: message.subject,
    html: message.html,
    text: message.text,
    replyTo: message.replyTo,
    headers: Object.keys(message.headers).length ? message.headers : undefined,
  });
  async function withRetries<T>(call: () => Promise<ResendReply<T>>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const { data, error, headers } = await call();
      if (data) return data;
      const status = error?.statusCode ?? null;
      const retryable = status === null || status === 429 || status >= 500;
      const reason = `Resend ${status ?? "network error"}: ${error?.message ?? "unknown error"}`;
      if (!retryable) throw new PermanentEmailError(reason);
      if (attempt >= maxAttempts) throw new TransientEmailError(reason);
      await sleep(retryDelay(headers?.["retry-after"], attempt, baseDelayMs));
    }
  }
  return {
    name: "resend",
    async deliver(message, idempotencyKey) {
      const data = await withRetries(() => resend.emails.send(toPayload(message), { idempotencyKey }) as Promise<ResendReply<{ id: string }>>);
      return { id: data.id };
    },
    async deliverBatch(messages, idempotencyKey) {
      await (options.pace ?? processBatchPace)(options.requestsPerSecond ?? 5, sleep);
      const data = await withRetries(
        () => resend.batch.send(messages.map((m) => toPayload(m.message)), { idempotencyKey }) as Promise<ResendReply<{ data: Array<{ id: string }> }>>,
      );
      return data.data.map((d) => d.id);
    },
  };
}

/** Retry-After in seconds (or an HTTP date) when given, else exponential backoff with jitter; at most a minute. */
export function retryDelay(retryAfter: string | undefined | null, attempt: number, baseDelayMs: number): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    if (Number.isFinite(ms) && ms >= 0) return Math.min(ms, 60_000);
  }
  const exponential = baseDelayMs * 2 ** (attempt - 1);
  return Math.min(exponential + Math.random() * baseDelayMs, 60_000);
}

export function getTransport(db?: Database): EmailTransport {
  const env = getEnv();
  if (env.RESEND_API_KEY) return resendTransport({ apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL, requestsPerSecond: env.RESEND_REQUESTS_PER_SECOND });
  if (!db) throw new Error("The outbox transport needs a database");
  return outboxTransport(db);
}

/** The development outbox exists only when mail is not really sent, and never in production. */
export function isOutboxEnabled() {
  const env = getEnv();
  return !env.RESEND_API_KEY && env.NODE_ENV !== "production";
}
