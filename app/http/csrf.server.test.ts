import { describe, expect, it } from "vitest";
import { checkCsrf } from "./csrf.server";

const base = { host: "chorus.test", trustedOrigins: ["https://chorus.example.org"] };

describe("checkCsrf", () => {
  it("lets safe methods through whatever their headers", () => {
    expect(checkCsrf({ ...base, method: "GET", origin: "https://evil.example", secFetchSite: "cross-site" }).ok).toBe(true);
  });

  it("refuses a cross-site POST by Sec-Fetch-Site", () => {
    expect(checkCsrf({ ...base, method: "POST", origin: undefined, secFetchSite: "cross-site" }).ok).toBe(false);
    expect(checkCsrf({ ...base, method: "POST", origin: undefined, secFetchSite: "same-site" }).ok).toBe(false);
  });

  it("refuses a POST from another origin, or an opaque one", () => {
    expect(checkCsrf({ ...base, method: "POST", origin: "https://evil.example", secFetchSite: undefined }).ok).toBe(false);
    expect(checkCsrf({ ...base, method: "DELETE", origin: "null", secFetchSite: undefined }).ok).toBe(false);
  });

  it("accepts same-origin posts, by host or by the configured app URL", () => {
    expect(checkCsrf({ ...base, method: "POST", origin: "http://chorus.test", secFetchSite: "same-origin" }).ok).toBe(true);
    expect(checkCsrf({ ...base, method: "POST", origin: "https://chorus.example.org", secFetchSite: undefined }).ok).toBe(true);
  });

  it("accepts requests with neither header (non-browser clients carry no victim's cookies)", () => {
    expect(checkCsrf({ ...base, method: "POST", origin: undefined, secFetchSite: undefined }).ok).toBe(true);
  });
});
