import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./utils/nonce";
import { logger } from "./utils/logger.server";

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
 * Renders the whole page before sending it (Chorus defers no data), so every response is complete
 * HTML that works without JavaScript, with the same markup for browsers and bots.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.cspNonce ?? "";
  return new Promise((resolve, reject) => {
    let failed = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: failed ? 500 : responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          failed = true;
          logger.error("render failed", { error: error instanceof Error ? error.stack : String(error) });
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logger.error("unhandled error", { url: new URL(request.url).pathname, error: error instanceof Error ? error.stack : String(error) });
}
