import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
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
 * HTML that works without JavaScript, with the same markup for browsers and bots. The page is sent
 * as one buffer with its length: React writes hundreds of small chunks, and passing each one on to
 * the socket cost an eighth of the server's CPU under load (tests/bench/demand-scale.ts).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.cspNonce ?? "";
  return new Promise<Response>((resolve, reject) => {
    let failed = false;
    const chunks: Buffer[] = [];
    const page = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(timeout);
        const body = Buffer.concat(chunks);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        responseHeaders.set("Content-Length", String(body.length));
        resolve(new Response(body, { headers: responseHeaders, status: failed ? 500 : responseStatusCode }));
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          pipe(page);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          failed = true;
          logger.error("render failed", { error: error instanceof Error ? error.stack : String(error) });
        },
      },
    );
    const timeout = setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logger.error("unhandled error", { url: new URL(request.url).pathname, error: error instanceof Error ? error.stack : String(error) });
}
