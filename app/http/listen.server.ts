import type { Server } from "node:http";
import type { Express } from "express";

/** Listens on the port; a port in use becomes one line saying what to do. */
export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => resolve(server));
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new Error(`Port ${port} is already in use: stop the program using it, or start Chorus on another port, e.g. PORT=${port + 1} npm start`));
      } else reject(error);
    });
  });
}

/**
 * Stops taking connections and lets requests in flight finish: idle keep-alive connections are
 * closed at once, busy ones when their response is done, and any left after `graceMs` are cut.
 */
export async function closeGracefully(server: Server, graceMs = 10_000) {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  timer.unref();
  await closed;
  clearTimeout(timer);
}
