import { randomUUID } from "node:crypto";
import { render } from "@react-email/render";
import { Resend } from "resend";
import type { Database } from "../../db";
import { emailTemplates, type EmailTemplateName, type EmailTemplateProps } from "../../emails";
import { getEmail, insertEmail, insertEmails, insertOutboxMessage, markEmailAttemptFailed, markEmailSent } from "../models/email.server";
import { getEnv } from "./env.server";
import { enqueueJob, enqueueJobs, JOBS } from "./jobs.server";
import { logger } from "./logger.server";

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
}

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
  email: { template: N; to: string; props: EmailTemplateProps<N>; idempotencyKey?: string },
): Promise<number | null> {
  const emailId = await insertEmail(trx, {
    template: email.template,
    toAddress: email.to.trim().toLowerCase(),
    props: email.props as Record<string, unknown>,
    idempotencyKey: email.idempotencyKey ?? randomUUID(),
  });
  if (emailId !== null) await enqueueJob(trx, JOBS.sendEmail, { emailId });
  return emailId;
}

/** queueEmail for many recipients of one template at once (announcements to every participant). */
export async function queueEmails<N extends EmailTemplateName>(
  trx: Database,
  template: N,
  recipients: Array<{ to: string; props: EmailTemplateProps<N>; idempotencyKey: string }>,
) {
  const ids = await insertEmails(
    trx,
    recipients.map((r) => ({ template, toAddress: r.to.trim().toLowerCase(), props: r.props as Record<string, unknown>, idempotencyKey: r.idempotencyKey })),
  );
  await enqueueJobs(trx, JOBS.sendEmail, ids.map((emailId) => ({ emailId })));
  return ids.length;
}

export async function renderEmail<N extends EmailTemplateName>(template: N, props: EmailTemplateProps<N>) {
  const definition = emailTemplates[template] as unknown as {
    render: (p: EmailTemplateProps<N>) => React.ReactElement;
    subject: (p: EmailTemplateProps<N>) => string;
  };
  const element = definition.render(props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: definition.subject(props), html, text };
}

/**
 * Delivers one queued email. Safe to run twice for the same id (a job retried after a crash):
 * a sent email is skipped, and the transport deduplicates with the email's idempotency key.
 */
export async function deliverEmail(db: Database, emailId: number, transport: EmailTransport = getTransport(db)) {
  const email = await getEmail(db, emailId);
  if (!email || email.status !== "queued") return;
  if (!(email.template in emailTemplates) || !email.props) {
    await markEmailAttemptFailed(db, emailId, `Unknown template ${email.template}`, true);
    return;
  }
  const rendered = await renderEmail(email.template as EmailTemplateName, email.props as never);
  const message: RenderedEmail = { from: getEnv().EMAIL_FROM, to: email.to_address, headers: {}, ...rendered };
  try {
    const result = await transport.deliver(message, email.idempotency_key, emailId);
    await markEmailSent(db, emailId, { subject: rendered.subject, providerMessageId: result.id });
    logger.info("email sent", { emailId, template: email.template, transport: transport.name });
  } catch (error) {
    const permanent = error instanceof PermanentEmailError;
    await markEmailAttemptFailed(db, emailId, error instanceof Error ? error.message : String(error), permanent);
    logger.warn("email not sent", { emailId, permanent, error: String(error) });
    if (!permanent) throw error;
  }
}

/** Development and test transport: stores the rendered message where /dev/outbox shows it. */
export function outboxTransport(db: Database): EmailTransport {
  return {
    name: "outbox",
    async deliver(message, _key, emailId) {
      const id = await insertOutboxMessage(db, { emailId, ...message });
      return { id: `outbox-${id}` };
    },
  };
}

interface ResendOptions {
  apiKey: string;
  baseUrl?: string;
  maxAttempts?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Resend, with retries inside one job run for short blips (429 and 5xx, honouring Retry-After) and
 * none for 4xx validation errors. Longer outages fall through to the job queue's own backoff.
 */
export function resendTransport(options: ResendOptions): EmailTransport {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return {
    name: "resend",
    async deliver(message, idempotencyKey) {
      for (let attempt = 1; ; attempt++) {
        const { data, error, headers } = await resend.emails.send(
          {
            from: message.from,
            to: [message.to],
            subject: message.subject,
            html: message.html,
            text: message.text,
            replyTo: message.replyTo,
            headers: Object.keys(message.headers).length ? message.headers : undefined,
          },
          { idempotencyKey },
        );
        if (data) return { id: data.id };
        const status = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
        const retryable = status === null || status === 429 || status >= 500;
        const reason = `Resend ${status ?? "network error"}: ${error?.message ?? "unknown error"}`;
        if (!retryable) throw new PermanentEmailError(reason);
        if (attempt >= maxAttempts) throw new TransientEmailError(reason);
        await sleep(retryDelay(headers?.["retry-after"], attempt, baseDelayMs));
      }
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
  if (env.RESEND_API_KEY) return resendTransport({ apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL });
  if (!db) throw new Error("The outbox transport needs a database");
  return outboxTransport(db);
}

/** The development outbox exists only when mail is not really sent, and never in production. */
export function isOutboxEnabled() {
  const env = getEnv();
  return !env.RESEND_API_KEY && env.NODE_ENV !== "production";
}
