import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Resend's API (single and batch sends) for the benchmarks: answers as Resend
 * does, and records when each address was first delivered, repeats, calls, and seconds in which
 * more than `limitPerSecond` calls came.
 */
export async function startResendStandIn(limitPerSecond = Infinity) {
  const stats = { deliveredAt: new Map<string, number>(), duplicates: 0, calls: 0, overLimit: 0, firstAt: 0, lastAt: 0 };
  let callsThisSecond = 0;
  const tick = setInterval(() => (callsThisSecond = 0), 1000);
  tick.unref();
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      stats.calls++;
      if (++callsThisSecond > limitPerSecond) stats.overLimit++;
      const body = JSON.parse(raw || "{}");
      const messages: Array<{ to: string[] }> = req.url === "/emails/batch" ? body : [body];
      const now = performance.now();
      for (const m of messages) {
        const to = m.to[0]!;
        if (stats.deliveredAt.has(to)) stats.duplicates++;
        else stats.deliveredAt.set(to, now);
      }
      stats.firstAt ||= now;
      stats.lastAt = now;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(req.url === "/emails/batch" ? { data: messages.map((_, i) => ({ id: `re-${stats.calls}-${i}` })) } : { id: `re-${stats.calls}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { stats, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
