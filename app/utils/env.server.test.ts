import { describe, expect, it } from "vitest";
import { ConfigError, getRepresentativeLookupSettings, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("fills defaults for a bare environment", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe("development");
    expect(env.RUN_WORKER).toBe(true);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("seeds demo data by default except in production, where it must be asked for", () => {
    expect(parseEnv({}).SEED_DEMO_DATA).toBe(true);
    expect(parseEnv({ NODE_ENV: "test" }).SEED_DEMO_DATA).toBe(true);
    const production = { NODE_ENV: "production", COOKIE_SECRET: "x".repeat(32) };
    expect(parseEnv(production).SEED_DEMO_DATA).toBe(false);
    expect(parseEnv({ ...production, SEED_DEMO_DATA: "true" }).SEED_DEMO_DATA).toBe(true);
    expect(parseEnv({ SEED_DEMO_DATA: "false" }).SEED_DEMO_DATA).toBe(false);
  });

  it("names an unparseable DATABASE_URL in one line", () => {
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrowError(ConfigError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/chorus" })).toThrowError(/^Configuration error: DATABASE_URL must be a postgres:\/\//);
  });

  it("accepts postgres and postgresql URLs", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@db.example:5432/chorus" }).DATABASE_URL).toContain("db.example");
    expect(parseEnv({ DATABASE_URL: "postgresql://localhost/chorus" }).DATABASE_URL).toContain("localhost");
  });

  it("leaves the representative lookup off unless asked, with UK Parliament's public addresses and a 3-second budget", () => {
    expect(getRepresentativeLookupSettings(parseEnv({}))).toBeNull();
    expect(getRepresentativeLookupSettings(parseEnv({ REPRESENTATIVE_LOOKUP: "off" }))).toBeNull();
    expect(getRepresentativeLookupSettings(parseEnv({ REPRESENTATIVE_LOOKUP: "uk-parliament" }))).toEqual({
      provider: "uk-parliament",
      postcodesUrl: "https://api.postcodes.io",
      membersUrl: "https://members-api.parliament.uk",
      timeoutMs: 3000,
    });
    expect(() => parseEnv({ REPRESENTATIVE_LOOKUP: "mapit" })).toThrowError(/REPRESENTATIVE_LOOKUP must be uk-parliament or off/);
    expect(() => parseEnv({ POSTCODES_API_URL: "ftp://postcodes" })).toThrowError(/POSTCODES_API_URL/);
    expect(() => parseEnv({ REPRESENTATIVE_LOOKUP_TIMEOUT_MS: "5" })).toThrowError(/REPRESENTATIVE_LOOKUP_TIMEOUT_MS must be 100 or more/);
  });

  it("rejects a port that is not a port", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrowError(/PORT/);
    expect(() => parseEnv({ PORT: "70000" })).toThrowError(/PORT/);
  });

  it("requires COOKIE_SECRET in production, and a long one", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(/COOKIE_SECRET is required in production/);
    expect(() => parseEnv({ NODE_ENV: "production", COOKIE_SECRET: "short" })).toThrowError(/COOKIE_SECRET must be at least 32/);
    expect(parseEnv({ NODE_ENV: "production", COOKIE_SECRET: "x".repeat(32) }).NODE_ENV).toBe("production");
  });

  it("reports every bad variable at once, and treats empty strings as unset", () => {
    let message = "";
    try {
      parseEnv({ PORT: "-1", RUN_WORKER: "maybe", RESEND_API_KEY: "" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/RUN_WORKER/);
    expect(message).not.toMatch(/RESEND_API_KEY/);
    expect(message.split("\n")).toHaveLength(1);
  });
});
