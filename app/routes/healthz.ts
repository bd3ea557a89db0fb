import { sql } from "kysely";
import { db } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";

/** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export async function loader() {
  const started = performance.now();
  try {
    await sql`select 1`.execute(db);
    const databaseMs = Math.round((performance.now() - started) * 10) / 10;
    return Response.json({ status: "ok", database: "ok", databaseMs }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logger.error("health check failed", { error: String(error) });
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
