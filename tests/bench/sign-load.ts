import { Worker } from "node:worker_threads";

/**
 * The signing load: `connections` loops in a worker thread (as real clients run elsewhere), each
 * posting one signature after another with a new email, for `seconds`. Each loop is one member of
 * the public on their own network (X-Forwarded-For, trusted as behind a proxy), so the per-network
 * limit does not mark them all suspect. (autocannon's id replacement declares a body length that
 * does not match the body it sends, so it cannot drive this form.)
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { url, connections, seconds, prefix } = workerData;
const latencies = [];
let other = 0;
const stopAt = Date.now() + seconds * 1000;
async function loop(c) {
  for (let i = 0; Date.now() < stopAt; i++) {
    const started = performance.now();
    try {
      const response = await fetch(url, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "10." + (c % 250) + "." + ((i >> 8) % 250) + "." + (i % 250) },
        body: "intent=sign&name=Bench+Signer&postcode=LS6+1AN&email=" + prefix + "-" + c + "-" + i + "%40example.org" });
      await response.arrayBuffer();
      if (response.status === 302) latencies.push(performance.now() - started); else other++;
    } catch { other++; }
  }
}
Promise.all(Array.from({ length: connections }, (_, c) => loop(c))).then(() => parentPort.postMessage({ latencies, other }));
`;

export async function signLoad(url: string, connections: number, seconds: number, prefix: string) {
  const worker = new Worker(LOAD_WORKER, { eval: true, workerData: { url, connections, seconds, prefix } });
  const { latencies, other } = await new Promise<{ latencies: number[]; other: number }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  await worker.terminate();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0);
  const perSecond = Math.round(latencies.length / seconds);
  return { perSecond, line: `${perSecond} signatures/s, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms (${latencies.length} accepted, ${other} other)`, accepted: latencies.length, other };
}
