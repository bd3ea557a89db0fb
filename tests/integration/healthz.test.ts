import { describe, expect, it } from "vitest";
import { closeDatabase } from "../../db";
import { loader } from "../../app/routes/healthz";

describe("/healthz", () => {
  it("answers 200 with the database round trip when PostgreSQL answers", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: "ok" });
    expect(typeof body.databaseMs).toBe("number");
  });

  it("answers 503 (not 500) when the database is gone", async () => {
    await closeDatabase();
    const response = await loader();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", database: "unreachable" });
  });
});
