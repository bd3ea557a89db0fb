import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { action as editAction, loader as editLoader } from "../../app/routes/demands.$id_.edit/route";
import { action as invitationAction, loader as invitationLoader } from "../../app/routes/demands.$id_.invitations.$invitationId";
import { loader as demandLoader } from "../../app/routes/demands.$id/route";
import { loader as historyLoader } from "../../app/routes/demands.$id_.history";
import { action as signInAction } from "../../app/routes/sign-in";
import { inviteCoauthor } from "../../app/services/coauthors.server";
import { openConsultation, saveDemandText } from "../../app/services/demand.server";
import { readFlash } from "../../app/utils/flash.server";
import { createDemand, createMember } from "../support/builders";
import { call, cookieFrom, latestEmail, request } from "./http";

async function signedIn(spec: Parameters<typeof createMember>[1] = {}) {
  const member = await createMember(db, spec);
  const outcome = await call(signInAction, request("/sign-in", { form: { intent: "password", email: member.email, password: "correct horse battery" } }));
  return { ...member, cookie: cookieFrom(outcome.setCookies) };
}

/** The one-time message a redirect carries, as the next page would show it. */
async function flashOf(outcome: { setCookies: string[] }) {
  return (await readFlash(request("/", { cookie: cookieFrom(outcome.setCookies) }))).flash;
}

const isAuthor = async (demandId: number, memberId: number) =>
  Boolean(await db.selectFrom("demand_author").select("member_id").where("demand_id", "=", demandId).where("member_id", "=", memberId).executeTakeFirst());

const invitationsOf = (demandId: number, memberId: number) =>
  db.selectFrom("demand_author_invitation").select(["id", "status"]).where("demand_id", "=", demandId).where("member_id", "=", memberId).orderBy("id").execute();

/** A draft by a signed-in author, and a signed-in member the author invites through the edit page. */
async function invited(inviteeSpec: Parameters<typeof createMember>[1] = {}) {
  const authorName = `Author ${Date.now().toString(36)}`;
  const author = { ...(await signedIn({ displayName: authorName })), displayName: authorName };
  const invitee = await signedIn(inviteeSpec);
  const demandId = await createDemand(db, { authorId: author.id, title: `Night crisis cafés ${Date.now().toString(36)}` });
  const p = { id: String(demandId) };
  const sent = await call(editAction, request(`/demands/${demandId}/edit`, { form: { intent: "invite-author", memberId: String(invitee.id) }, cookie: author.cookie }), p);
  expect(sent.status).toBe(302);
  expect(sent.location).toBe(`/demands/${demandId}/edit`);
  expect(await flashOf(sent)).toMatchObject({ kind: "success", message: expect.stringContaining("Invitation sent") });
  const [invitation] = await invitationsOf(demandId, invitee.id);
  const invitationId = Number(invitation!.id);
  const ip = { id: String(demandId), invitationId: String(invitationId) };
  const page = `/demands/${demandId}/invitations/${invitationId}`;
  const answer = (intent: string, cookie: string) => call(invitationAction, request(page, { form: { intent }, cookie }), ip);
  const open = (cookie: string) => call(invitationLoader, request(page, { cookie }), ip);
  return { author, invitee, demandId, p, invitationId, page, answer, open };
}

describe("inviting a co-author", () => {
  it("invite: the member is told in the app and by email, and becomes an author only by accepting", async () => {
    const { author, invitee, demandId, p, invitationId, page, answer, open } = await invited({ displayName: "Quiet Heron" });

    // Invited, not yet an author: the draft stays private to them, and the edit page lists the invitation.
    expect(await isAuthor(demandId, invitee.id)).toBe(false);
    expect((await call(demandLoader, request(`/demands/${demandId}`, { cookie: invitee.cookie }), p)).status).toBe(404);
    const edit = await call(editLoader, request(`/demands/${demandId}/edit?coauthor=Heron`, { cookie: author.cookie }), p);
    expect(edit.data.invitations).toEqual([expect.objectContaining({ id: invitationId, name: "Quiet Heron" })]);
    expect(edit.data.candidates).toEqual([expect.objectContaining({ name: "Quiet Heron", invited: true })]);

    // The in-app notification and the email, queued with it, both link to the invitation.
    const notification = await db.selectFrom("notification").select(["kind", "title", "url"]).where("member_id", "=", invitee.id).executeTakeFirstOrThrow();
    expect(notification).toMatchObject({ kind: "coauthor_invitation", url: page });
    expect(notification.title).toContain("invited you to co-author");
    const email = await latestEmail(db, invitee.email, "Notification");
    expect(email).toBeDefined();
    const props = email!.props as { heading: string; action: { url: string } };
    expect(props.heading).toContain("invited you to co-author");
    expect(props.action.url).toMatch(new RegExp(`${page}$`));
    // The inviter is not told about their own invitation.
    expect(await db.selectFrom("notification").select("id").where("member_id", "=", author.id).execute()).toEqual([]);

    // Opening the invitation changes nothing.
    const opened = await open(invitee.cookie);
    expect(opened.status).toBe(200);
    expect(opened.data.state).toBe("open");
    expect(await isAuthor(demandId, invitee.id)).toBe(false);

    const accepted = await answer("accept", invitee.cookie);
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/demands/${demandId}`);
    expect(await isAuthor(demandId, invitee.id)).toBe(true);
    expect((await invitationsOf(demandId, invitee.id)).map((i) => i.status)).toEqual(["accepted"]);

    // Now an author: they read the draft, are named on it, and may edit it.
    const demand = await call(demandLoader, request(`/demands/${demandId}`, { cookie: invitee.cookie }), p);
    expect(demand.status).toBe(200);
    expect(demand.data.authors).toEqual([author.displayName, "Quiet Heron"]);
    expect(demand.data.events.at(-1)).toMatchObject({ detail: { kind: "author_joined" }, actor_name: "Quiet Heron" });
    expect((await call(editLoader, request(`/demands/${demandId}/edit`, { cookie: invitee.cookie }), p)).status).toBe(200);

    // Accepting twice is refused, and says why.
    const again = await answer("accept", invitee.cookie);
    expect(again.status).toBe(409);
    expect(again.data.refused).toBe("accepted");
    expect((await open(invitee.cookie)).data.state).toBe("accepted");
  });

  it("decline: nothing changes for the demand, and the invitation can no longer be accepted", async () => {
    const { author, invitee, demandId, answer, open } = await invited();
    const declined = await answer("decline", invitee.cookie);
    expect(declined.status).toBe(302);
    expect(await flashOf(declined)).toMatchObject({ message: expect.stringContaining("You declined") });
    expect(await isAuthor(demandId, invitee.id)).toBe(false);
    expect((await invitationsOf(demandId, invitee.id)).map((i) => i.status)).toEqual(["declined"]);

    const late = await answer("accept", invitee.cookie);
    expect(late.status).toBe(410);
    expect(late.data.refused).toBe("declined");
    expect(await isAuthor(demandId, invitee.id)).toBe(false);
    const page = await open(invitee.cookie);
    expect(page.status).toBe(410);
    expect(page.data.state).toBe("declined");
    // Once answered, the author may invite them again.
    expect(await inviteCoauthor(db, demandId, author.id, invitee.id)).toMatchObject({ ok: true });
  });

  it("withdraw: the inviter takes the invitation back, and accepting it afterwards is refused", async () => {
    const { author, invitee, demandId, p, invitationId, answer, open } = await invited();
    const withdrawn = await call(editAction, request(`/demands/${demandId}/edit`, { form: { intent: "withdraw-invitation", invitationId: String(invitationId) }, cookie: author.cookie }), p);
    expect(withdrawn.status).toBe(302);
    expect(await flashOf(withdrawn)).toMatchObject({ kind: "success", message: "Invitation withdrawn." });
    expect((await call(editLoader, request(`/demands/${demandId}/edit`, { cookie: author.cookie }), p)).data.invitations).toEqual([]);

    const page = await open(invitee.cookie);
    expect(page.status).toBe(410);
    expect(page.data.state).toBe("withdrawn");
    const late = await answer("accept", invitee.cookie);
    expect(late.status).toBe(410);
    expect(late.data.refused).toBe("withdrawn");
    expect(await isAuthor(demandId, invitee.id)).toBe(false);

    // Withdrawing twice says it is already over.
    const twice = await call(editAction, request(`/demands/${demandId}/edit`, { form: { intent: "withdraw-invitation", invitationId: String(invitationId) }, cookie: author.cookie }), p);
    expect(await flashOf(twice)).toMatchObject({ kind: "error", message: expect.stringContaining("already answered, withdrawn or out of date") });
  });

  it("only the invited member can see or answer an invitation: anyone else gets 403, and nobody becomes an author", async () => {
    const { author, invitee, demandId, answer, open } = await invited();
    const stranger = await signedIn();
    expect((await open(stranger.cookie)).status).toBe(403);
    expect((await answer("accept", stranger.cookie)).status).toBe(403);
    expect((await answer("decline", stranger.cookie)).status).toBe(403);
    // Nor the author who sent it.
    expect((await answer("accept", author.cookie)).status).toBe(403);
    expect(await isAuthor(demandId, stranger.id)).toBe(false);
    expect((await invitationsOf(demandId, invitee.id)).map((i) => i.status)).toEqual(["pending"]);
    // Signed out: asked to sign in first.
    const signedOut = await call(invitationLoader, request(`/demands/${demandId}/invitations/1`), { id: String(demandId), invitationId: "1" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toMatch(/^\/sign-in/);
  });

  it("refuses a second invitation to the same member, an invitation to an author, and strangers inviting", async () => {
    const { author, invitee, demandId, p } = await invited();
    const invite = (memberId: number, cookie = author.cookie) => call(editAction, request(`/demands/${demandId}/edit`, { form: { intent: "invite-author", memberId: String(memberId) }, cookie }), p);

    const duplicate = await invite(invitee.id);
    expect(duplicate.status).toBe(302);
    expect(await flashOf(duplicate)).toMatchObject({ kind: "error", message: expect.stringContaining("already has an invitation waiting") });
    expect(await invitationsOf(demandId, invitee.id)).toHaveLength(1);
    expect(await db.selectFrom("notification").select("id").where("member_id", "=", invitee.id).execute()).toHaveLength(1);

    const self = await invite(author.id);
    expect(await flashOf(self)).toMatchObject({ kind: "error", message: "That member is already an author of this demand." });
    expect(await invitationsOf(demandId, author.id)).toEqual([]);

    expect((await invite(999_999_999)).status).toBe(404);
    const stranger = await signedIn();
    expect((await invite(stranger.id, stranger.cookie)).status).toBe(404); // a private draft: not found
    expect(await inviteCoauthor(db, demandId, stranger.id, stranger.id)).toEqual({ ok: false, reason: "not-author" });
  });

  it("an accepted co-author cannot be invited again, and an invitation can no longer be accepted once voting opens", async () => {
    const { author, invitee, demandId, answer } = await invited();
    expect((await answer("accept", invitee.cookie)).status).toBe(302);
    expect(await inviteCoauthor(db, demandId, author.id, invitee.id)).toEqual({ ok: false, reason: "already-author" });

    const late = await signedIn();
    const sent = await inviteCoauthor(db, demandId, author.id, late.id);
    expect(sent.ok).toBe(true);
    await openConsultation(db, demandId, author.id, new Date(Date.now() + 2 * 86_400_000));
    await db.updateTable("demand").set({ stage: "voting" }).where("id", "=", demandId).execute();
    const ip = { id: String(demandId), invitationId: String((sent as { invitationId: number }).invitationId) };
    const refused = await call(invitationAction, request(`/demands/${demandId}/invitations/${ip.invitationId}`, { form: { intent: "accept" }, cookie: late.cookie }), ip);
    expect(refused.status).toBe(410);
    expect(refused.data.refused).toBe("closed");
    expect(await isAuthor(demandId, late.id)).toBe(false);
  });

  it("limits how many invitations one author sends", async () => {
    const author = await signedIn();
    const demandId = await createDemand(db, { authorId: author.id });
    const members = await Promise.all(Array.from({ length: 21 }, () => createMember(db)));
    const results = [];
    for (const m of members) results.push(await inviteCoauthor(db, demandId, author.id, m.id));
    expect(results.slice(0, 20).every((r) => r.ok)).toBe(true);
    expect(results[20]).toMatchObject({ ok: false, reason: "too-many", message: expect.stringMatching(/Too many attempts/) });
    const p = { id: String(demandId) };
    const refused = await call(editAction, request(`/demands/${demandId}/edit`, { form: { intent: "invite-author", memberId: String(members[20]!.id) }, cookie: author.cookie }), p);
    expect(await flashOf(refused)).toMatchObject({ kind: "error", message: expect.stringMatching(/Too many attempts/) });
  });
});

describe("the revision history", () => {
  it("compares the words a reader sees, not the Markdown: no ** or # in the differences", async () => {
    const author = await signedIn();
    const demandId = await createDemand(db, { authorId: author.id, body: "## What we want\n\nA crisis café open every night.\n\n## Why\n\nNights are when people are most alone." });
    const current = await db.selectFrom("demand").select(["title", "summary", "easy_read"]).where("id", "=", demandId).executeTakeFirstOrThrow();
    const same = { title: current.title, summary: current.summary, easyRead: current.easy_read };
    // Revision 2 changes formatting only (bold, a heading level); revision 3 changes words in bold.
    await saveDemandText(db, demandId, author.id, { ...same, body: "# What we want\n\nA **crisis café** open every night.\n\n## Why\n\nNights are when people are most alone." }, "Formatting");
    await saveDemandText(db, demandId, author.id, { ...same, body: "# What we want\n\nA **crisis café run by peers** open every night.\n\n## Why\n\nNights are when people are most alone." }, "Peers");
    const p = { id: String(demandId) };
    const history = (from: number, to: number) => call(historyLoader, request(`/demands/${demandId}/history?from=${from}&to=${to}`, { cookie: author.cookie }), p);

    const formatting = (await history(1, 2)).data.comparison;
    expect(formatting.changed).toEqual([]);
    expect(formatting.formattingOnly).toEqual(["Full text"]);

    const words = (await history(2, 3)).data.comparison;
    expect(words.changed.map((c: { label: string }) => c.label)).toEqual(["Full text"]);
    const diff = words.changed[0].diff as Array<{ kind: string; text: string }>;
    expect(diff.filter((d) => d.kind === "added").map((d) => d.text.trim())).toEqual(["run by peers"]);
    expect(diff.filter((d) => d.kind === "removed")).toEqual([]);
    const shown = diff.map((d) => d.text).join("");
    expect(shown).not.toMatch(/\*\*|#/);
    expect(shown).toContain("What we want\n\nA crisis café run by peers open every night.");

    // Across both, word by word: the heading's "#" never shows as a change.
    const both = (await history(1, 3)).data.comparison.changed[0].diff as Array<{ kind: string; text: string }>;
    expect(both.map((d) => d.text).join("")).not.toMatch(/\*\*|#/);
  });
});
