import { describe, expect, it } from "vitest";
import { FORM_REFUSED, isRefusedForm, pageTitle } from "./meta";

const page = { matches: [{ id: "root", data: { user: null } }, { id: "routes/join", data: null }] };
const refused = { matches: [{ id: "root", data: { user: null, [FORM_REFUSED]: true } }, { id: "routes/join", data: null }] };

describe("pageTitle", () => {
  it("names the page, then where it sits, then Chorus", () => {
    expect(pageTitle(page, "Verify organisations", "Admin")).toEqual([{ title: "Verify organisations – Admin – Chorus" }]);
    expect(pageTitle(page, "Propose a demand")).toEqual([{ title: "Propose a demand – Chorus" }]);
  });

  it("leaves out a part that is not known yet (a page whose data did not load)", () => {
    expect(pageTitle(page, "History", "")).toEqual([{ title: "History – Chorus" }]);
  });

  it("begins 'Error: ' while the page shows a refused form", () => {
    expect(pageTitle(refused, "Join")).toEqual([{ title: "Error: Join – Chorus" }]);
  });
});

describe("isRefusedForm", () => {
  it("is true only for an answer carrying at least one message", () => {
    expect(isRefusedForm({ ok: false, errors: { email: "Enter your email address" }, values: {} })).toBe(true);
    expect(isRefusedForm({ ok: false, errors: {}, values: {}, preview: "<p>hi</p>" })).toBe(false);
    expect(isRefusedForm({ step: "write", errors: undefined })).toBe(false);
    expect(isRefusedForm(undefined)).toBe(false);
    expect(isRefusedForm("text")).toBe(false);
  });
});
