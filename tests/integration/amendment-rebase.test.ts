import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { createDemand, createMember } from "../support/builders";
import { action as amendmentAction, loader as amendmentLoader } from "../../app/routes/demands.$id_.amendments.$amendmentId";
import { action as newAmendmentAction, loader as newAmendmentLoader } from "../../app/routes/demands.$id_.amendments.new";
import { action as signInAction } from "../../app/routes/sign-in";
import { addSupport } from "../../app/models/amendment.server";
import { openConsultation, proposeAmendment } from "../../app/services/demand.server";
import { call, cookieFrom, request } from "./http";

async function signedIn() {
  const member = await createMember(db);
  const outcome = await call(signInAction, request("/sign-in", { form: { intent: "password", email: member.email, password: "correct horse battery" } }));
  return { ...member, cookie: cookieFrom(outcome.setCookies) };
}

const BODY = "## What we want\n\nHomes planned from admission.\n\n## Why\n\nDischarge to the street undoes recovery.";

async function consultation() {
  const author = await signedIn();
  const id = await createDemand(db, { authorId: author.id, body: BODY });
  await openConsultation(db, id, author.id, new Date(Date.now() + 7 * 86_400_000));
  return { author, id };
}

describe("amending for co-production", () => {
  it("lists paragraphs as readable text and starts the form from the chosen paragraph's words", async () => {
    const { id } = await consultation();
    const amender = await signedIn();
    const pick = await call(newAmendmentLoader, request(`/demands/${id}/amendments/new`, { cookie: amender.cookie }), { id: String(id) });
    // Listed under the page's h1; quoted under the form's h2 once chosen.
    expect(pick.data.paragraphs[0].html).toContain("<h2>What we want</h2>");
    expect(pick.data.paragraphs[0].quotedHtml).toContain("<h3>What we want</h3>");
    expect(pick.data.target).toBeNull();
    const chosen = await call(newAmendmentLoader, request(`/demands/${id}/amendments/new?paragraph=1`, { cookie: amender.cookie }), { id: String(id) });
    expect(chosen.data).toMatchObject({ target: "1", startingText: "Homes planned from admission." });
    const nonsense = await call(newAmendmentLoader, request(`/demands/${id}/amendments/new?paragraph=99`, { cookie: amender.cookie }), { id: String(id) });
    expect(nonsense.data.target).toBeNull();
    const unchanged = await call(newAmendmentAction, request(`/demands/${id}/amendments/new`, { form: { target: "1", proposedText: "Homes planned from admission.", rationale: "No change at all here." }, cookie: amender.cookie }), { id: String(id) });
    expect(unchanged.data.errors.proposedText).toBe("The proposed text is the same as the current text.");
  });

  it("warns the authors which amendments accepting one puts out of date, tells their authors, and lets them re-base in one step", async () => {
    const { author, id } = await consultation();
    const first = await signedIn();
    const second = await signedIn();
    const third = await signedIn();
    const a = await proposeAmendment(db, id, first.id, { paragraphIndex: 1, proposedText: "Homes planned from the day of admission, with the person.", rationale: "Involve people." });
    const b = await proposeAmendment(db, id, second.id, { paragraphIndex: 1, proposedText: "Homes planned early.", rationale: "Shorter." });
    const c = await proposeAmendment(db, id, third.id, { paragraphIndex: 3, proposedText: "Discharge to the street harms recovery.", rationale: "Plainer." });
    if (!a.ok || !b.ok || !c.ok) throw new Error("amendments refused");
    await addSupport(db, b.id, third.id);
    const p = (amendmentId: number) => ({ id: String(id), amendmentId: String(amendmentId) });

    // Before accepting A, its page names B (same paragraph) but not C (another paragraph).
    const before = await call(amendmentLoader, request(`/demands/${id}/amendments/${a.id}`, { cookie: author.cookie }), p(a.id));
    expect(before.data.wouldOutdate.map((o: { id: number }) => o.id)).toEqual([b.id]);
    const accepted = await call(amendmentAction, request(`/demands/${id}/amendments/${a.id}`, { form: { intent: "accept" }, cookie: author.cookie }), p(a.id));
    expect(accepted.status).toBe(302);
    const needsUpdate = async (email: string) => {
      const mails = await db.selectFrom("email").select("props").where("to_address", "=", email.toLowerCase()).where("template", "=", "Notification").execute();
      return mails.map((m) => m.props as { heading: string; action: { url: string } }).filter((p) => /needs updating/.test(p.heading));
    };
    expect(await needsUpdate(second.email)).toEqual([expect.objectContaining({ action: expect.objectContaining({ url: expect.stringContaining(`/amendments/${b.id}#update`) }) })]);
    expect(await needsUpdate(third.email)).toEqual([]);

    // B is now out of date: its author is offered the current text; others are not; it cannot be accepted.
    const stale = await call(amendmentLoader, request(`/demands/${id}/amendments/${b.id}`, { cookie: second.cookie }), p(b.id));
    expect(stale.data.amendment.stale).toBe(true);
    expect(stale.data.update).toEqual({ currentText: "Homes planned from the day of admission, with the person." });
    expect((await call(amendmentLoader, request(`/demands/${id}/amendments/${b.id}`, { cookie: third.cookie }), p(b.id))).data.update).toBeNull();
    const hijack = await call(amendmentAction, request(`/demands/${id}/amendments/${b.id}`, { form: { intent: "rebase", proposedText: "Something else entirely." }, cookie: third.cookie }), p(b.id));
    expect(hijack.data.errors.proposedText).toMatch(/Only the author/);

    // Re-basing with the same wording keeps its supporter; it is current again and can be accepted.
    const rebased = await call(amendmentAction, request(`/demands/${id}/amendments/${b.id}`, { form: { intent: "rebase", proposedText: "Homes planned early." }, cookie: second.cookie }), p(b.id));
    expect(rebased.status).toBe(302);
    const after = await call(amendmentLoader, request(`/demands/${id}/amendments/${b.id}`, { cookie: author.cookie }), p(b.id));
    expect(after.data.amendment).toMatchObject({ stale: false, supportCount: 1 });
    expect(after.data.amendment.diff.length).toBeGreaterThan(0);
    // A changed wording starts its support again.
    await call(amendmentAction, request(`/demands/${id}/amendments/${b.id}`, { form: { intent: "rebase", proposedText: "Homes planned very early." }, cookie: second.cookie }), p(b.id));
    const reworded = await call(amendmentLoader, request(`/demands/${id}/amendments/${b.id}`, { cookie: author.cookie }), p(b.id));
    expect(reworded.data.amendment.supportCount).toBe(0);
  });
});
