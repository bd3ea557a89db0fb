import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { action as evidenceAction, loader as evidenceLoader } from "../../app/routes/demands.$id_.evidence/route";
import { loader as demandLoader } from "../../app/routes/demands.$id/route";
import { openConsultation, withdrawDemand } from "../../app/services/demand.server";
import { decideOnSource, suggestSource } from "../../app/services/evidence.server";
import type { SourceInput } from "../../app/demands/evidence-forms";
import { readFlash } from "../../app/utils/flash.server";
import { listMemberContributions } from "../../app/models/member-data.server";
import { createDemand, signedInMember, unique } from "../support/builders";
import { call, cookieFrom, request } from "./http";

const GOOD = { title: "Housing and recovery after discharge", author: "Mental Health Foundation", year: "2019", url: "https://example.org/report", finding: "Two in five people left hospital with nowhere settled to live.", kind: "research" } as const;
const INPUT: SourceInput = { title: "A source", author: "A body", year: 2020, url: null, finding: "It found something worth knowing.", kind: "official_statistics" };

const BODY_WITH_CITATIONS = `## What we want

Everyone leaving a ward should have a home to go to [1]. Councils disagree [2], and \`[1]\` stays code.

See [the guide [1]](https://example.org/guide) and [9], which is no source.`;

/** A demand in consultation written by a signed-in author, with a second signed-in member. */
async function consultation(body?: string) {
  const authorName = `Author ${unique()}`;
  const memberName = `Member ${unique()}`;
  const author = { ...(await signedInMember(db, { displayName: authorName })), displayName: authorName };
  const member = { ...(await signedInMember(db, { displayName: memberName })), displayName: memberName };
  const demandId = await createDemand(db, { authorId: author.id, body });
  await openConsultation(db, demandId, author.id, new Date(Date.now() + 7 * 86_400_000));
  const p = { id: String(demandId) };
  const page = `/demands/${demandId}/evidence`;
  const post = (form: Record<string, string>, cookie?: string) => call(evidenceAction, request(page, { form, cookie }), p);
  const open = (cookie?: string, query = "") => call(evidenceLoader, request(page + query, { cookie }), p);
  return { author, member, demandId, p, page, post, open };
}

const sourcesOf = (demandId: number) => db.selectFrom("demand_source").selectAll().where("demand_id", "=", demandId).orderBy("id").execute();
const flashOf = async (outcome: { setCookies: string[] }) => (await readFlash(request("/", { cookie: cookieFrom(outcome.setCookies) }))).flash;
const notificationsOf = (memberId: number, kind: string) => db.selectFrom("notification").select(["title", "url"]).where("member_id", "=", memberId).where("kind", "=", kind).execute();

describe("suggesting a source", () => {
  it("is refused to a visitor who is not signed in, and stores nothing", async () => {
    const { demandId, post, open } = await consultation();
    const refused = await post({ intent: "suggest", ...GOOD });
    expect(refused.status).toBe(302);
    expect(refused.location).toMatch(/^\/sign-in\?redirectTo=/);
    expect(await sourcesOf(demandId)).toEqual([]);
    // They can read the page, which offers sign-in instead of the form.
    const page = await open();
    expect(page.status).toBe(200);
    expect(page.data.signedIn).toBe(false);
  });

  it("a member's suggestion waits for the authors, who are told", async () => {
    const { author, member, demandId, post, open } = await consultation();
    const sent = await post({ intent: "suggest", ...GOOD }, member.cookie);
    expect(sent.status).toBe(302);
    expect(await flashOf(sent)).toMatchObject({ kind: "success", message: expect.stringContaining("waiting for the demand's authors") });
    const [row] = await sourcesOf(demandId);
    expect(row).toMatchObject({ status: "suggested", number: null, suggested_by: member.id, year: 2019, url: GOOD.url, kind: "research" });
    expect(await notificationsOf(author.id, "source_suggested")).toEqual([expect.objectContaining({ url: `/demands/${demandId}/evidence#suggestions-heading` })]);
    // Not yet in the list; the suggester sees it waiting; the author sees it to decide.
    expect((await open(member.cookie)).data).toMatchObject({ total: 0, sources: [], mine: [expect.objectContaining({ title: GOOD.title, status: "suggested" })] });
    expect((await open(author.cookie)).data.suggestions).toEqual([expect.objectContaining({ title: GOOD.title, suggestedBy: member.displayName })]);
  });

  it("an author's own source is accepted at once and numbered", async () => {
    const { author, demandId, post } = await consultation();
    const sent = await post({ intent: "suggest", ...GOOD }, author.cookie);
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/demands/${demandId}#source-1`);
    expect(await sourcesOf(demandId)).toEqual([expect.objectContaining({ status: "accepted", number: 1, decided_by: author.id })]);
  });

  it("bad input gets a message by each field, and keeps what was typed", async () => {
    const { member, demandId, post } = await consultation();
    const empty = await post({ intent: "suggest" }, member.cookie);
    expect(empty.status).toBe(400);
    expect(empty.data.errors).toEqual({
      title: "Enter the title of the source",
      author: "Enter who wrote or published it",
      finding: "Say in one line what it found",
      kind: "Choose what kind of source it is",
    });
    const short = await post({ intent: "suggest", ...GOOD, title: "ab", finding: "Too short" }, member.cookie);
    expect(short.data.errors).toEqual({ title: "Enter the title of the source (3 characters or more)", finding: "Say in one line what it found (10 characters or more)" });
    const bad = await post({ intent: "suggest", ...GOOD, year: "19x9", url: "javascript:alert(1)", kind: "rumour" }, member.cookie);
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ year: "Enter the year as 4 digits, like 2019", url: "Enter a link that starts with https:// or http://", kind: "Choose what kind of source it is" });
    expect(bad.data.values).toMatchObject({ title: GOOD.title, author: GOOD.author, finding: GOOD.finding, year: "19x9" });
    const future = await post({ intent: "suggest", ...GOOD, year: String(new Date().getUTCFullYear() + 1), url: "https://localhost" }, member.cookie);
    expect(future.data.errors).toEqual({ year: "The year cannot be in the future", url: "Enter a link that starts with https:// or http://" });
    expect(await sourcesOf(demandId)).toEqual([]);
  });

  it("hostile input: huge values are refused and sent back cut to the field's limit; NUL goes; multi-byte text is kept whole", async () => {
    const { member, demandId, post } = await consultation();
    const huge = await post({ intent: "suggest", ...GOOD, title: "é".repeat(100_000), finding: "😀".repeat(50_000), url: "https://example.org/" + "a".repeat(5000) }, member.cookie);
    expect(huge.status).toBe(400);
    expect(huge.data.errors).toMatchObject({ title: "The title must be 300 characters or fewer", finding: "The finding must be 400 characters or fewer", url: "The link must be 2,000 characters or fewer" });
    expect(String(huge.data.values.title).length).toBeLessThanOrEqual(300);
    expect([...String(huge.data.values.finding)].length).toBeLessThanOrEqual(400);
    expect(JSON.stringify(huge.data).length).toBeLessThan(10_000);

    const sent = await post({ intent: "suggest", ...GOOD, title: "Étude\u0000 des soins 😀 محلية", finding: "Line one\nline two, \u202eone line.", author: "<script>alert(1)</script>" }, member.cookie);
    expect(sent.status).toBe(302);
    const [row] = await sourcesOf(demandId);
    expect(row!.title).toBe("Étude  des soins 😀 محلية");
    for (const gone of ["\n", "\u0000", "\u202e"]) expect(row!.finding).not.toContain(gone);
    expect(row!.author).toBe("<script>alert(1)</script>");
  });

  it("is refused on a withdrawn demand, and a draft stays private to its authors", async () => {
    const { author, member, demandId, post } = await consultation();
    await withdrawDemand(db, demandId, author.id, "We are merging it into another demand.");
    const refused = await post({ intent: "suggest", ...GOOD }, member.cookie);
    expect(refused.status).toBe(400);
    expect(refused.data.errors.form).toMatch(/no longer gathering evidence/);
    expect(refused.data.values.title).toBe(GOOD.title);
    expect(await sourcesOf(demandId)).toEqual([]);

    const draftId = await createDemand(db, { authorId: author.id });
    const draftPost = (cookie: string) => call(evidenceAction, request(`/demands/${draftId}/evidence`, { form: { intent: "suggest", ...GOOD }, cookie }), { id: String(draftId) });
    expect((await draftPost(member.cookie)).status).toBe(404);
    expect((await draftPost(author.cookie)).status).toBe(302);
  });
});

describe("accepting and declining", () => {
  it("only the demand's authors decide; co-authors count", async () => {
    const { author, member, demandId, post, open } = await consultation();
    await post({ intent: "suggest", ...GOOD }, member.cookie);
    const [row] = await sourcesOf(demandId);
    const other = await signedInMember(db);
    expect((await post({ intent: "accept", sourceId: String(row!.id) }, member.cookie)).status).toBe(403);
    expect((await post({ intent: "decline", sourceId: String(row!.id), reason: "Not relevant here." }, other.cookie)).status).toBe(403);
    expect((await open(member.cookie)).data.suggestions).toEqual([]);
    expect((await sourcesOf(demandId))[0]!.status).toBe("suggested");

    const coauthor = await signedInMember(db);
    await db.insertInto("demand_author").values({ demand_id: demandId, member_id: coauthor.id }).execute();
    const accepted = await post({ intent: "accept", sourceId: String(row!.id) }, coauthor.cookie);
    expect(accepted.status).toBe(302);
    expect(await flashOf(accepted)).toMatchObject({ message: expect.stringContaining("Accepted as source 1") });
    expect(await notificationsOf(member.id, "source_decided")).toEqual([expect.objectContaining({ url: `/demands/${demandId}#source-1` })]);
    // Deciding twice is refused in words, not a second number.
    const again = await post({ intent: "accept", sourceId: String(row!.id) }, author.cookie);
    expect(again.status).toBe(400);
    expect(again.data.errors.form).toMatch(/already been accepted or declined/);
    // A source of another demand is not this demand's to decide.
    expect((await post({ intent: "accept", sourceId: "999999999" }, author.cookie)).data.errors.form).toMatch(/no longer exists/);
  });

  it("declining needs a reason, which the suggester is told", async () => {
    const { author, member, demandId, post, open } = await consultation();
    await post({ intent: "suggest", ...GOOD }, member.cookie);
    const [row] = await sourcesOf(demandId);
    const noReason = await post({ intent: "decline", sourceId: String(row!.id), reason: "  " }, author.cookie);
    expect(noReason.status).toBe(400);
    expect(noReason.data.errors).toEqual({ reason: "Give a reason for declining" });
    expect(noReason.data.values.sourceId).toBe(String(row!.id));
    const declined = await post({ intent: "decline", sourceId: String(row!.id), reason: "It is about\nanother country." }, author.cookie);
    expect(declined.status).toBe(302);
    expect(await sourcesOf(demandId)).toEqual([expect.objectContaining({ status: "declined", number: null, decline_reason: "It is about\nanother country.", decided_by: author.id })]);
    expect(await notificationsOf(member.id, "source_decided")).toEqual([expect.objectContaining({ title: expect.stringContaining("was declined") })]);
    expect((await open(member.cookie)).data.mine).toEqual([expect.objectContaining({ status: "declined", decline_reason: "It is about\nanother country." })]);
    // Their suggestion, and the answer, are in "Download my data".
    expect((await listMemberContributions(db, member.id)).evidenceSources).toEqual([expect.objectContaining({ title: GOOD.title, status: "declined", declineReason: "It is about\nanother country." })]);
  });

  it("numbers are given once and never move: a later decline renumbers nothing", async () => {
    const { author, member, demandId } = await consultation();
    const suggest = (title: string) => suggestSource(db, demandId, { id: member.id, displayName: member.displayName }, { ...INPUT, title });
    for (const title of ["First", "Second", "Third", "Fourth"]) await suggest(title);
    const [first, second, third, fourth] = await sourcesOf(demandId);
    expect(await decideOnSource(db, demandId, first!.id, author.id, { accept: true })).toEqual({ ok: true, number: 1 });
    expect(await decideOnSource(db, demandId, second!.id, author.id, { accept: false, reason: "A duplicate of source 1." })).toEqual({ ok: true, number: null });
    expect(await decideOnSource(db, demandId, third!.id, author.id, { accept: true })).toEqual({ ok: true, number: 2 });
    await decideOnSource(db, demandId, fourth!.id, author.id, { accept: false, reason: "Declined after source 2 was numbered." });
    // Two acceptances at once take two numbers (the demand's row lock orders them).
    await suggest("Fifth");
    await suggest("Sixth");
    const [, , , , fifth, sixth] = await sourcesOf(demandId);
    const both = await Promise.all([decideOnSource(db, demandId, fifth!.id, author.id, { accept: true }), decideOnSource(db, demandId, sixth!.id, author.id, { accept: true })]);
    expect(both.map((r) => (r.ok ? r.number : null)).sort()).toEqual([3, 4]);
    const rows = await sourcesOf(demandId);
    expect(rows.map((r) => [r.title, r.number])).toEqual([
      ["First", 1],
      ["Second", null],
      ["Third", 2],
      ["Fourth", null],
      ["Fifth", expect.any(Number)],
      ["Sixth", expect.any(Number)],
    ]);
  });
});

describe("the demand page's evidence and citations", () => {
  it("links [n] only to accepted sources, never inside code or an existing link, and keeps the HTML sanitised", async () => {
    const { author, member, demandId, p } = await consultation(BODY_WITH_CITATIONS);
    await suggestSource(db, demandId, { id: author.id, displayName: "Author" }, { ...INPUT, title: `Homes <script>alert("x")</script> & "recovery"` });
    await suggestSource(db, demandId, { id: member.id, displayName: member.displayName }, { ...INPUT, title: "Only suggested" });
    const page = await call(demandLoader, request(`/demands/${demandId}`), p);
    expect(page.status).toBe(200);
    const html: string = page.data.demand.html;
    const citation = '<a href="#source-1" aria-label="Source 1: Homes &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;recovery&quot;">[1]</a>';
    expect(html).toContain(`a home to go to ${citation}.`);
    expect(html.split('href="#source-1"')).toHaveLength(2); // once: not in the code span, not in the guide's link
    expect(html).toContain("Councils disagree [2],"); // suggested, not accepted: plain text
    expect(html).toContain("[1] stays code");
    expect(html).toContain('<a href="https://example.org/guide" rel="nofollow noopener noreferrer">the guide [1]</a>');
    expect(html).toContain("and [9], which");
    expect(html).not.toMatch(/<script|<code/);
    expect(page.data.evidence).toMatchObject({ accepted: 1, suggested: 0, sources: [expect.objectContaining({ number: 1, title: expect.stringContaining("<script>") })] });
  });

  it("page data carries no email address of the suggester or the authors", async () => {
    const { author, member, demandId, p, post } = await consultation("A text that cites [1] and is long enough to be a demand's full text.");
    await post({ intent: "suggest", ...GOOD }, member.cookie);
    const [row] = await sourcesOf(demandId);
    await post({ intent: "accept", sourceId: String(row!.id) }, author.cookie);
    for (const cookie of [undefined, member.cookie, author.cookie]) {
      const page = await call(demandLoader, request(`/demands/${demandId}`, { cookie }), p);
      const text = JSON.stringify(page.data);
      expect(text).toContain(GOOD.title);
      expect(text).not.toContain(member.email);
      expect(text).not.toContain(author.email);
      expect(text).not.toContain("suggested_by");
    }
    const evidence = JSON.stringify((await call(evidenceLoader, request(`/demands/${demandId}/evidence`, { cookie: author.cookie }), p)).data);
    expect(evidence).not.toContain(member.email);
  });

  it("shows the first sources and every one the text cites; the evidence page pages through them all", async () => {
    const { author, demandId, p, open } = await consultation();
    await db.updateTable("demand").set({ body: "The full text of this demand cites source [27] and nothing else at all." }).where("id", "=", demandId).execute();
    for (let i = 1; i <= 30; i++) await suggestSource(db, demandId, { id: author.id, displayName: "Author" }, { ...INPUT, title: `Source number ${i}` });
    const page = await call(demandLoader, request(`/demands/${demandId}`), p);
    expect(page.data.evidence.accepted).toBe(30);
    expect(page.data.evidence.sources.map((s: { number: number }) => s.number)).toEqual([...Array.from({ length: 20 }, (_, i) => i + 1), 27]);
    expect(page.data.demand.html).toContain('href="#source-27"');

    const first = await open(undefined);
    expect(first.data).toMatchObject({ page: 1, pages: 2, total: 30 });
    expect(first.data.sources).toHaveLength(25);
    const second = await open(undefined, "?page=2");
    expect(second.data.sources.map((s: { number: number }) => s.number)).toEqual([26, 27, 28, 29, 30]);
    expect((await open(undefined, "?page=9")).data.sources).toEqual([]);
  });
});
