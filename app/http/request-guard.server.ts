import type { Request, Response } from "express";
import { logger } from "../utils/logger.server";

/**
 * Turns what no form of ours can send into a clear 4xx before Remix sees it, so no route has to
 * defend against it (and nothing a visitor can type or click becomes a 500):
 * - a path that is not valid percent-encoding ("/%ff") is a 400;
 * - a NUL byte anywhere in the address is a 400 (PostgreSQL cannot store one in text);
 * - only GET, HEAD and POST go on (anything else is a 405), and a POST must carry a form (urlencoded
 *   or multipart, at most 1 MiB): no body, JSON, text/plain or a broken multipart body is a 415 or 400;
 * - NUL bytes are removed from form fields, and a multipart form is re-encoded as urlencoded
 *   (Chorus takes no file uploads), so every action reads the same clean shape.
 * The Remix handler builds its Request from the cleaned body.
 */
export const MAX_FORM_BYTES = 1024 * 1024;

type Refusal = { status: number; message: string };

/** The address alone: checked before anything else (static files included) reads it. */
export function checkAddress(req: Request): Refusal | null {
  try {
    decodeURIComponent(req.path);
  } catch {
    return { status: 400, message: "That address is not valid. Check it, or go back and follow a link." };
  }
  if (/%00|\0/i.test(req.originalUrl)) return { status: 400, message: "That address contains characters Chorus cannot read." };
  // The request URL handed to Remix is built from the Host header: one that is not a host is refused here.
  try {
    new URL(`http://${req.get("host") ?? "localhost"}${req.originalUrl}`);
  } catch {
    return { status: 400, message: "That request named a host Chorus cannot read." };
  }
  return null;
}

/** The body of a non-GET request, read, checked and cleaned for Remix. */
export async function readGuardedRequest(req: Request): Promise<{ ok: true; body?: Buffer; contentType?: string } | ({ ok: false } & Refusal)> {
  if (req.method === "GET" || req.method === "HEAD") return { ok: true };
  // Chorus's forms only GET and POST; PUT, PATCH, DELETE and the rest never reach an action.
  if (req.method !== "POST") return { ok: false, status: 405, message: "Chorus does not accept that kind of request here. Go back and use the page's own buttons." };

  const raw = await readBody(req);
  if (raw === "too-large") return { ok: false, status: 413, message: "That form was too large to accept. Shorten what you wrote and try again." };
  const contentType = (req.get("content-type") ?? "").toLowerCase();
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    return { ok: true, body: Buffer.from(clean(new URLSearchParams(raw.toString("utf8"))).toString()), contentType: "application/x-www-form-urlencoded;charset=UTF-8" };
  }
  if (contentType.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new globalThis.Response(new Uint8Array(raw), { headers: { "content-type": req.get("content-type")! } }).formData();
    } catch {
      return { ok: false, status: 400, message: "That form could not be read. Go back and send it again." };
    }
    const fields = new URLSearchParams();
    for (const [key, value] of form) {
      if (typeof value === "string") fields.append(key, value);
      // A file input left empty still sends an empty part: nothing to pass on.
      else if (value.size === 0 && !value.name) continue;
      // The only files Chorus takes are spreadsheets saved as CSV (importing decision makers): they
      // reach Remix as text, like any field, so no route ever handles a stored upload.
      else if (/\.(csv|txt)$/i.test(value.name) && (value.type === "" || /^(text\/|application\/(vnd\.ms-excel|csv))/.test(value.type))) fields.append(key, await value.text());
      else return { ok: false, status: 415, message: "Chorus only accepts files saved as CSV. Save the spreadsheet as CSV and try again." };
    }
    return { ok: true, body: Buffer.from(clean(fields).toString()), contentType: "application/x-www-form-urlencoded;charset=UTF-8" };
  }
  return { ok: false, status: 415, message: "Chorus only accepts forms sent from its own pages." };
}

function clean(fields: URLSearchParams) {
  const out = new URLSearchParams();
  for (const [key, value] of fields) out.append(key.replace(/\0/g, ""), value.replace(/\0/g, ""));
  return out;
}

async function readBody(req: Request): Promise<Buffer | "too-large"> {
  const declared = Number(req.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_FORM_BYTES) return "too-large";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return "too-large";
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A small, styled page for a refused request (no stack, no jargon, a way back), logged once. */
export function refusalPage(req: Request, res: Response, refusal: Refusal) {
  logger.info("request refused", { path: req.originalUrl.slice(0, 200), status: refusal.status });
  const nonce = String(res.locals.cspNonce ?? "");
  const title = refusal.status === 413 ? "Too large" : refusal.status === 415 ? "Not a form Chorus accepts" : refusal.status === 405 ? "Not allowed" : "Bad request";
  if (refusal.status === 405) res.setHeader("Allow", "GET, HEAD, POST");
  res
    .status(refusal.status)
    .type("html")
    .send(
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Chorus</title>` +
        `<style nonce="${nonce}">body{font:1.125rem/1.5 system-ui,sans-serif;color:#1d2226;max-width:38rem;margin:3rem auto;padding:0 1rem}a{color:#1d5c8c}</style></head>` +
        `<body><main><h1>${title}</h1><p>${escapeHtml(refusal.message)}</p><p><a href="/">Go to the Chorus home page</a> · <a href="/get-help">Get help now</a></p></main></body></html>`,
    );
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
