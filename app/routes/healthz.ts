import { pingDatabase } from "~/models/health.server";
import { db } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";

/** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  try {
    const databaseMs = await pingDatabase(db);
    return Response.json({ status: "ok", database: "ok", databaseMs }, { headers });
  } catch (error) {
    logger.error("health check failed", { error: String(error) });
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers });
  }
}
