import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { NonceProvider } from "./utils/nonce";
import { logger } from "./utils/logger.server";
import { renderToHtmlBuffer } from "./http/render-html.server";

const ABORT_DELAY = 5_000;

declare module "@remix-run/node" {
  // Single fetch: loaders return plain objects (or `data()`), typed end to end.
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** This request's Content-Security-Policy nonce, for Remix's inline scripts. */
    cspNonce: string;
    /** The client's address as the server saw it (behind TRUST_PROXY, the forwarded one). */
    clientIp: string;
  }
}

/**
 * Renders the whole page before sending it, so every response is complete HTML that works without
 * JavaScript, with the same markup for browsers and bots, sent as one buffer with its length.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.cspNonce ?? "";
  const { body, failed } = await renderToHtmlBuffer(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceProvider>,
    {
      nonce,
      timeoutMs: ABORT_DELAY,
      onError: (error) => logger.error("render failed", { error: error instanceof Error ? error.stack : String(error) }),
      onStrayZeroBytes: (count) => logger.warn("removed zero bytes from a rendered page", { path: new URL(request.url).pathname, count }),
    },
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Content-Length", String(body.length));
  return new Response(body, { headers: responseHeaders, status: failed ? 500 : responseStatusCode });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logger.error("unhandled error", { url: new URL(request.url).pathname, error: error instanceof Error ? error.stack : String(error) });
}
