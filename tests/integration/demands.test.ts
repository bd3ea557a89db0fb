import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { DB } from "../../db/schema";
import { listDemands, upsertEndorsement } from "../../app/models/demand.server";
import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { action as newAction } from "../../app/routes/demands.new";
import { action as editAction, loader as editLoader } from "../../app/routes/demands.$id_.edit/route";
import { action as previewAction } from "../../app/routes/demands.preview";
import { action as demandAction, loader as demandLoader } from "../../app/routes/demands.$id/route";
import { action as processAction } from "../../app/routes/demands.$id_.process";
import { action as amendmentAction, loader as amendmentLoader } from "../../app/routes/demands.$id_.amendments.$amendmentId";
import { loader as listLoader } from "../../app/routes/demands._index";
import { loader as orgPageLoader } from "../../app/routes/organisations.$slug";
import { action as moderationAction, loader as moderationLoader } from "../../app/routes/admin.moderation";
import { action as signInAction } from "../../app/routes/sign-in";
import { addSupport } from "../../app/models/amendment.server";
import { castVote, closeVoting, openConsultation, proposeAmendment, saveDemandText, withdrawDemand as withdrawDemandService } from "../../app/services/demand.server";
import { deleteAccount } from "../../app/services/account.server";
import { toLondonInput } from "../../app/utils/london-time";
import { createDemand, createMember, createOrganisation, expireVoting, openDemandForVoting } from "../support/builders";
import { expandNotificationJob } from "../../app/services/notifications.server";
import { call, cookieFrom, latestEmail, request } from "./http";

async function signedIn(spec: Parameters<typeof createMember>[1] = {}) {
  const member = await createMember(db, spec);
  const outcome = await call(signInAction, request("/sign-in", { form: { intent: "password", email: member.email, password: "correct horse battery" } }));
  return { ...member, cookie: cookieFrom(outcome.setCookies) };
}
const inDays = (days: number) => toLondonInput(new Date(Date.now() + days * 86_400_000));
const stageOf = async (id: number) => (await db.selectFrom("demand").select("stage").where("id", "=", id).executeTakeFirstOrThrow()).stage;

describe("proposing and drafting", () => {
  it("creates a private draft with revision 1; others get 404 and do not see it listed", async () => {
    const author = await signedIn();
    const other = await signedIn();
    const created = await call(newAction, request("/demands/new", { form: { title: "Rent controls for supported housing", summary: "Supported housing rents should be capped so people are not pushed into arrears.", body: "A long enough body of text for the demand, about rents and arrears and support.", topics: ["housing", "poverty_income"] }, cookie: author.cookie }));
    expect(created.status).toBe(302);
    const id = Number(created.location!.split("/").pop());
    expect(await db.selectFrom("demand_revision").select(["number", "note"]).where("demand_id", "=", id).execute()).toEqual([{ number: 1, note: "First draft" }]);
    expect((await call(demandLoader, request(`/demands/${id}`, { cookie: author.cookie }), { id: String(id) })).status).toBe(200);
    expect((await call(demandLoader, request(`/demands/${id}`, { cookie: other.cookie }), { id: String(id) })).status).toBe(404);
    expect((await call(demandLoader, request(`/demands/${id}`), { id: String(id) })).status).toBe(404);
    // Coalition admins too: a draft is private to its authors.
    const admin = await signedIn({ roles: ["admin"] });
    expect((await call(demandLoader, request(`/demands/${id}`, { cookie: admin.cookie }), { id: String(id) })).status).toBe(404);
    const listed = await call(listLoader, request("/demands?q=rent", { cookie: other.cookie }));
    expect(listed.data.demands.map((d: { id: number }) => d.id)).not.toContain(id);
  });

  it("finds co-authors by display name only (never by email), rate limits the search, and refuses unknown member ids", async () => {
    const author = await signedIn();
    const id = await createDemand(db, { authorId: author.id });
    const p = { id: String(id) };
    await createMember(db, { displayName: "Quiet Heron", email: "real.name.private@example.net" });
    const search = (q: string) => call(editLoader, request(`/demands/${id}/edit?coauthor=${encodeURIComponent(q)}`, { cookie: author.cookie }), p);
    expect((await search("Heron")).data.candidates.map((c: { name: string }) => c.name)).toEqual(["Quiet Heron"]);
    for (const probe of ["real.name", "private@", "example.net", "@"]) {
      const found = await search(probe);
      expect(found.data.candidates.map((c: { name: string }) => c.name)).not.toContain("Quiet Heron");
      expect(JSON.stringify(found.data.candidates)).not.toContain("example.net");
    }
    for (let i = 0; i < 30; i++) await search(`Heron ${i}`);
    const limited = await search("Heron");
    expect(limited.data.candidates).toEqual([]);
    expect(limited.data.searchError).toMatch(/Too many attempts/);

    const unknown = await call(editAction, request(`/demands/${id}/edit`, { form: { intent: "invite-author", memberId: "999999" }, cookie: author.cookie }), p);
    expect(unknown.status).toBe(404);
  });

  it("two co-authors saving at once: the second is shown a conflict with both texts, and nothing is overwritten", async () => {
    const author = await signedIn();
    const coauthor = await signedIn();
    const id = await createDemand(db, { authorId: author.id });
    await db.insertInto("demand_author").values({ demand_id: id, member_id: coauthor.id }).execute();
    const p = { id: String(id) };
    const d = await db.selectFrom("demand").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const form = (body: string, note: string) => ({ intent: "save", baseRevision: "1", title: d.title, summary: d.summary, body, easyRead: d.easy_read, note });
    const first = await call(editAction, request(`/demands/${id}/edit`, { form: form(`${d.body}\n\nFIRST AUTHOR'S PARAGRAPH`, "First edit"), cookie: author.cookie }), p);
    expect(first.status).toBe(302);
    const second = await call(editAction, request(`/demands/${id}/edit`, { form: form(`${d.body}\n\nSECOND AUTHOR'S PARAGRAPH`, "Second edit"), cookie: coauthor.cookie }), p);
    expect(second.status).toBe(409);
    expect(second.data.errors.form).toMatch(/Someone else saved revision 2 while you were editing/);
    expect(second.data.values.body).toContain("SECOND AUTHOR'S PARAGRAPH");
    expect(second.data.conflict.body).toContain("FIRST AUTHOR'S PARAGRAPH");
    const stored = await db.selectFrom("demand").select(["body", "current_revision"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(stored.current_revision).toBe(2);
    expect(stored.body).toContain("FIRST AUTHOR'S PARAGRAPH");
    // Having seen revision 2, the co-author saves on top of it.
    const again = await call(editAction, request(`/demands/${id}/edit`, { form: { ...form(`${stored.body}\n\nSECOND AUTHOR'S PARAGRAPH`, "Second edit"), baseRevision: "2" }, cookie: coauthor.cookie }), p);
    expect(again.status).toBe(302);
    const merged = await db.selectFrom("demand").select(["body", "current_revision"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(merged.current_revision).toBe(3);
    expect(merged.body).toMatch(/FIRST AUTHOR'S PARAGRAPH[\s\S]*SECOND AUTHOR'S PARAGRAPH/);
  });

  it.each([
    ["newest", "demand_public_newest_idx"],
    ["open_first", "demand_public_open_first_idx"],
  ] as const)("serves the public list of demands, sorted %s, straight from its partial index (no sort, no scan)", async (sort, index) => {
    const statements: Array<{ sql: string; parameters: readonly unknown[] }> = [];
    const logged = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 }) }), log: (e) => void statements.push(e.query) });
    await listDemands(logged, { sort, page: 3, viewerId: null });
    await logged.destroy();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // A test database is tiny, so the planner would scan it whatever the indexes; forbid that and
      // see whether the query's shape (predicate and order) can be answered by an index at all.
      await client.query("set enable_seqscan = off");
      const { rows } = await client.query(`explain (format json) ${statements[0]!.sql}`, statements[0]!.parameters as unknown[]);
      const plan = JSON.stringify(rows[0]["QUERY PLAN"]);
      expect(plan).toContain(index);
      expect(plan).not.toContain('"Node Type":"Sort"');
    } finally {
      await client.end();
    }
  });

  it("lists open demands first by default, each with its comment and endorsement counts", async () => {
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const org = await createOrganisation(db, { adminId: author.id });
    const open = await createDemand(db, { authorId: author.id, title: "Open demand for the list order test" });
    await openConsultation(db, open, admin.id, new Date(Date.now() + 86_400_000));
    const { insertComment } = await import("../../app/models/comment.server");
    for (let i = 0; i < 3; i++) await insertComment(db, { demandId: open, amendmentId: null, parentId: null, authorId: author.id, body: `Comment ${i}`, contentNote: null });
    await upsertEndorsement(db, open, org.id, "We back this demand fully.", author.id);
    const closed = await createDemand(db, { authorId: author.id, title: "Withdrawn demand for the list order test" });
    await openConsultation(db, closed, admin.id, new Date(Date.now() + 86_400_000));
    await withdrawDemandService(db, closed, author.id, "No longer needed.");
    const page = await call(listLoader, request("/demands"));
    const ids = page.data.demands.map((d: { id: number }) => d.id);
    expect(ids.indexOf(open)).toBeLessThan(ids.indexOf(closed));
    const stages = page.data.demands.map((d: { stage: string }) => (d.stage === "consultation" || d.stage === "voting" ? "open" : "other"));
    expect(stages.indexOf("other") === -1 || stages.lastIndexOf("open") < stages.indexOf("other")).toBe(true);
    expect(page.data.demands.find((d: { id: number }) => d.id === open)).toMatchObject({ comment_count: 3, endorsement_count: 1 });
  });

  it("has the indexes that keep member, demand and organisation lookups off full scans", async () => {
    const { rows } = await sql<{ indexname: string }>`select indexname from pg_indexes where schemaname = 'public'`.execute(db);
    const names = rows.map((r) => r.indexname);
    for (const index of ["comment_demand_idx", "comment_author_idx", "vote_member_idx", "amendment_author_idx", "demand_organisation_idx", "demand_public_newest_idx", "demand_public_open_first_idx"]) expect(names).toContain(index);
  });

  it("counts racing reports exactly: five reporters at once hold the comment once, with five open reports", async () => {
    const author = await createMember(db);
    const id = await createDemand(db, { authorId: author.id });
    const writer = await createMember(db);
    const { insertComment, reportComment } = await import("../../app/models/comment.server");
    const commentId = (await insertComment(db, { demandId: id, amendmentId: null, parentId: null, authorId: writer.id, body: "Contested", contentNote: null }))!;
    const reporters = await Promise.all(Array.from({ length: 5 }, () => createMember(db)));
    const results = await Promise.all(reporters.map((r) => reportComment(db, commentId, r.id, "Unkind")));
    expect(results.filter((r) => r.held)).toHaveLength(1);
    expect(await db.selectFrom("comment").select(["status", "open_reports"]).where("id", "=", commentId).executeTakeFirstOrThrow()).toEqual({ status: "held", open_reports: 5 });
  });

  it("previews Markdown for members only, sanitised like the page", async () => {
    const author = await signedIn();
    expect((await call(previewAction, request("/demands/preview", { form: { body: "x" } }))).status).toBe(302);
    const preview = await call(previewAction, request("/demands/preview", { form: { body: "# Title\n\n<script>alert(1)</script>[x](javascript:alert(1))" }, cookie: author.cookie }));
    // The preview sits under its own h2, like the text under the page's "The full text".
    expect(preview.data.html).toContain("<h3>Title</h3>");
    expect(preview.data.html).not.toMatch(/<script|alert\(1\)<\/script|href="javascript/i);
  });

  it("puts the full text's headings under the page's 'The full text' (an h2), still sanitised", async () => {
    const author = await signedIn();
    const body = "# What we want\n\nHomes first.\n\n## Why\n\n<h2 onclick=\"alert(1)\">raw</h2><script>alert(2)</script>\n\n###### Deepest\n\n[x](javascript:alert(3))";
    const id = await createDemand(db, { authorId: author.id, body });
    const page = await call(demandLoader, request(`/demands/${id}`, { cookie: author.cookie }), { id: String(id) });
    expect(page.status).toBe(200);
    const html: string = page.data.demand.html;
    expect(html).toContain("<h3>What we want</h3>");
    expect(html).toContain("<h4>Why</h4>");
    expect(html).toContain("<h6>Deepest</h6>");
    expect(html).not.toMatch(/<h[12][ >]|onclick|<script|javascript:/i);
  });

  it("explains every bad field and keeps what was typed", async () => {
    const author = await signedIn();
    const outcome = await call(newAction, request("/demands/new", { form: { title: "Hi", summary: "", body: "short" }, cookie: author.cookie }));
    expect(outcome.status).toBe(400);
    expect(Object.keys(outcome.data.errors).sort()).toEqual(["body", "summary", "title", "topics"]);
    expect(outcome.data.values.title).toBe("Hi");
  });

  it("finds demands by full-text search and filters by topic and stage", async () => {
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const a = await createDemand(db, { authorId: author.id, title: "Stop evictions during mental health crises", topics: ["housing"] });
    const b = await createDemand(db, { authorId: author.id, title: "Fair pay for peer workers", body: "Peer workers deserve a living wage and proper supervision in every service that employs them.", topics: ["work"] });
    await openDemandForVoting(db, a, admin.id);
    await openDemandForVoting(db, b, admin.id);
    const search = await call(listLoader, request("/demands?q=supervision"));
    expect(search.data.demands.map((d: { id: number }) => d.id)).toEqual([b]);
    const topic = await call(listLoader, request("/demands?topic=housing&stage=voting"));
    expect(topic.data.demands.map((d: { id: number }) => d.id)).toContain(a);
    expect(topic.data.demands.map((d: { id: number }) => d.id)).not.toContain(b);
  });
});

describe("sorting and following", () => {
  it("sorts by closing soon (open demands only) and by most supported amendments", async () => {
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const topic = "trauma_violence" as const;
    // Created in the opposite order to the expected result, so "newest first" would fail the assertion.
    const sooner = await createDemand(db, { authorId: author.id, topics: [topic] });
    const later = await createDemand(db, { authorId: author.id, topics: [topic] });
    await openDemandForVoting(db, later, admin.id, { votingEndsAt: new Date(Date.now() + 9 * 86_400_000) });
    await openDemandForVoting(db, sooner, admin.id, { votingEndsAt: new Date(Date.now() + 2 * 86_400_000) });
    const closing = await call(listLoader, request(`/demands?topic=${topic}&sort=closing_soon`));
    expect(closing.data.demands.map((d: { id: number }) => d.id)).toEqual([sooner, later]);

    const popular = await createDemand(db, { authorId: author.id, topics: ["work"] });
    const plain = await createDemand(db, { authorId: author.id, topics: ["work"] });
    for (const id of [plain, popular]) await openConsultation(db, id, author.id, new Date(Date.now() + 86_400_000));
    const amendment = (await proposeAmendment(db, popular, author.id, { paragraphIndex: null, proposedText: "A different whole text for this demand.", rationale: "Because." })) as { id: number };
    for (let i = 0; i < 3; i++) await addSupport(db, amendment.id, (await createMember(db)).id);
    const supported = await call(listLoader, request("/demands?topic=work&sort=supported_amendments"));
    expect(supported.data.demands.map((d: { id: number }) => d.id).slice(0, 2)).toEqual([popular, plain]);
  });

  it("lets a member follow and unfollow, and follows voters automatically", async () => {
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const member = await signedIn();
    const id = await createDemand(db, { authorId: author.id });
    await openDemandForVoting(db, id, admin.id);
    const p = { id: String(id) };
    const following = async () => (await call(demandLoader, request(`/demands/${id}`, { cookie: member.cookie }), p)).data.following;
    await call(demandAction, request(`/demands/${id}`, { form: { intent: "follow" }, cookie: member.cookie }), p);
    expect(await following()).toBe(true);
    await call(demandAction, request(`/demands/${id}`, { form: { intent: "unfollow" }, cookie: member.cookie }), p);
    expect(await following()).toBe(false);
    await call(demandAction, request(`/demands/${id}`, { form: { intent: "vote", choice: "abstain" }, cookie: member.cookie }), p);
    expect(await following()).toBe(true);
  });
});

describe("the process", () => {
  it("lets authors open consultation, only a facilitator open voting, and needs an easy-read summary first", async () => {
    const author = await signedIn();
    const member = await signedIn();
    const admin = await signedIn({ roles: ["admin"] });
    const id = await createDemand(db, { authorId: author.id, easyRead: "" });
    const p = { id: String(id) };
    // A draft is invisible to anyone but its authors, so a stranger cannot even find it.
    expect((await call(processAction, request(`/demands/${id}/process`, { form: { intent: "open-consultation", consultationEndsAt: inDays(7) }, cookie: member.cookie }), p)).status).toBe(404);
    const past = await call(processAction, request(`/demands/${id}/process`, { form: { intent: "open-consultation", consultationEndsAt: inDays(-1) }, cookie: author.cookie }), p);
    expect(past.data.errors.consultationEndsAt).toBe("The consultation must end at least an hour from now");
    expect((await call(processAction, request(`/demands/${id}/process`, { form: { intent: "open-consultation", consultationEndsAt: inDays(7) }, cookie: author.cookie }), p)).status).toBe(302);
    expect(await stageOf(id)).toBe("consultation");

    const voting = { intent: "open-voting", votingEndsAt: inDays(7), rule: "simple_majority" };
    expect((await call(processAction, request(`/demands/${id}/process`, { form: voting, cookie: author.cookie }), p)).status).toBe(403);
    const noEasyRead = await call(processAction, request(`/demands/${id}/process`, { form: voting, cookie: admin.cookie }), p);
    expect(noEasyRead.data.errors.form).toMatch(/easy-read summary/);
    const d = (await db.selectFrom("demand").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
    await saveDemandText(db, id, author.id, { title: d.title, summary: d.summary, body: d.body, easyRead: "Simple words about the demand." }, "Easy read added");
    const badQuorum = await call(processAction, request(`/demands/${id}/process`, { form: { ...voting, quorum: "-3" }, cookie: admin.cookie }), p);
    expect(badQuorum.data.errors.quorum).toMatch(/whole number/);
    expect((await call(processAction, request(`/demands/${id}/process`, { form: { ...voting, quorum: "3" }, cookie: admin.cookie }), p)).status).toBe(302);
    expect(await db.selectFrom("demand").select(["stage", "decision_rule", "quorum"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ stage: "voting", decision_rule: "simple_majority", quorum: 3 });
    const job = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'demand.close-voting' and (data->>'demandId')::bigint = ${id}`.execute(db);
    expect(job.rows[0]!.n).toBe(1);
    const log = await db.selectFrom("demand_event").select(["from_stage", "to_stage"]).where("demand_id", "=", id).orderBy("id").execute();
    expect(log.map((e) => `${e.from_stage}>${e.to_stage}`)).toEqual(["null>draft", "draft>consultation", "consultation>voting"]);
  });

  it("lets authors withdraw an open demand with a reason that goes into the log", async () => {
    const author = await signedIn();
    const id = await createDemand(db, { authorId: author.id });
    const noReason = await call(processAction, request(`/demands/${id}/process`, { form: { intent: "withdraw", reason: "" }, cookie: author.cookie }), { id: String(id) });
    expect(noReason.data.errors.reason).toBeDefined();
    await call(processAction, request(`/demands/${id}/process`, { form: { intent: "withdraw", reason: "We merged it into another demand." }, cookie: author.cookie }), { id: String(id) });
    expect(await stageOf(id)).toBe("withdrawn");
    const last = await db.selectFrom("demand_event").select(["to_stage", "reason"]).where("demand_id", "=", id).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(last).toEqual({ to_stage: "withdrawn", reason: "We merged it into another demand." });
  });
});

describe("voting and closing", () => {
  it("keeps one vote per member even when two submits race, and the member can change it", async () => {
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const voter = await createMember(db);
    const id = await createDemand(db, { authorId: author.id });
    await openDemandForVoting(db, id, admin.id);
    await Promise.all([
      castVote(db, id, voter.id, { choice: "support", reason: null, reasonPublic: false }),
      castVote(db, id, voter.id, { choice: "oppose", reason: null, reasonPublic: false }),
      castVote(db, id, voter.id, { choice: "abstain", reason: null, reasonPublic: false }),
    ]);
    expect(await db.selectFrom("vote").select("id").where("demand_id", "=", id).where("member_id", "=", voter.id).execute()).toHaveLength(1);
    await castVote(db, id, voter.id, { choice: "support", reason: "Changed my mind", reasonPublic: true });
    expect((await db.selectFrom("vote").select("choice").where("demand_id", "=", id).executeTakeFirstOrThrow()).choice).toBe("support");
  });

  it("keeps ballots secret while voting: no totals unless live results were chosen", async () => {
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const voter = await signedIn();
    const hidden = await createDemand(db, { authorId: author.id });
    const live = await createDemand(db, { authorId: author.id });
    await openDemandForVoting(db, hidden, admin.id);
    await openDemandForVoting(db, live, admin.id, { liveResults: true });
    for (const id of [hidden, live]) await call(demandAction, request(`/demands/${id}`, { form: { intent: "vote", choice: "support" }, cookie: voter.cookie }), { id: String(id) });
    const hiddenPage = await call(demandLoader, request(`/demands/${hidden}`, { cookie: voter.cookie }), { id: String(hidden) });
    expect(hiddenPage.data.tally).toBeNull();
    expect(hiddenPage.data.myVote.choice).toBe("support");
    const livePage = await call(demandLoader, request(`/demands/${live}`), { id: String(live) });
    expect(livePage.data.tally).toEqual({ support: 1, oppose: 0, abstain: 0 });
    expect(JSON.stringify(livePage.data)).not.toContain(String(voter.email));
  });

  it("refuses a vote after the deadline, even before the close job has run", async () => {
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const voter = await signedIn();
    const id = await createDemand(db, { authorId: author.id });
    await openDemandForVoting(db, id, admin.id);
    await expireVoting(db, id);
    const late = await call(demandAction, request(`/demands/${id}`, { form: { intent: "vote", choice: "support" }, cookie: voter.cookie }), { id: String(id) });
    expect(late.data.errors.form).toBe("Voting has closed, so your vote was not recorded.");
    expect(await db.selectFrom("vote").select("id").where("demand_id", "=", id).execute()).toHaveLength(0);
  });

  it("closes exactly once however often the job runs, records the outcome and tells every participant once", async () => {
    const author = await createMember(db, { email: "closing-author@example.org" });
    const admin = await createMember(db, { roles: ["admin"] });
    const le = await Promise.all(Array.from({ length: 5 }, () => createMember(db, { perspectives: ["lived_experience"] })));
    const carers = await Promise.all(Array.from({ length: 2 }, () => createMember(db, { perspectives: ["carer_family"] })));
    const id = await createDemand(db, { authorId: author.id });
    await openDemandForVoting(db, id, admin.id, { rule: "lived_experience_double_majority", quorum: 5 });
    for (const [i, m] of le.entries()) await castVote(db, id, m.id, { choice: i < 4 ? "support" : "oppose", reason: null, reasonPublic: false });
    for (const m of carers) await castVote(db, id, m.id, { choice: "oppose", reason: null, reasonPublic: false });
    expect(await closeVoting(db, id)).toBeNull(); // not yet due
    await expireVoting(db, id);
    const results = await Promise.all([closeVoting(db, id), closeVoting(db, id), closeVoting(db, id)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await closeVoting(db, id)).toBeNull();
    const outcome = results.find(Boolean)!;
    expect(outcome).toMatchObject({ adopted: true, totals: { support: 4, oppose: 3, abstain: 0 }, turnout: 7, quorumMet: true, livedExperienceMajority: true });
    // Showing lived experience (4 for, 1 against) beside the totals (4 for, 3 against) would reveal that both
    // carers opposed: with only 2 voters outside it, lived experience is suppressed as well.
    expect(outcome.breakdown.find((b) => b.perspective === "lived_experience")).toEqual({ perspective: "lived_experience", suppressed: true, totals: null });
    expect(outcome.breakdown.find((b) => b.perspective === "carer_family")).toEqual({ perspective: "carer_family", suppressed: true, totals: null });
    expect(await stageOf(id)).toBe("adopted");
    expect(await db.selectFrom("demand_event").select("id").where("demand_id", "=", id).where("to_stage", "=", "adopted").execute()).toHaveLength(1);
    // Closing recorded the announcement for everyone who follows (taking part follows) and queued its
    // fan-out; running it in batches of 5, then again as a retry would, tells each participant once.
    const event = await db.selectFrom("notification_event").select(["id"]).where("kind", "=", "demand_outcome").where("subjects", "@>", sql<string[]>`array[${`demand:${id}`}]::text[]`).executeTakeFirstOrThrow();
    const jobs = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'notification.expand' and (data->>'eventId')::bigint = ${event.id}`.execute(db);
    expect(jobs.rows[0]!.n).toBe(1);
    expect(await expandNotificationJob(db, event.id, 5)).toEqual({ delivered: 5, done: false });
    expect(await expandNotificationJob(db, event.id, 5)).toEqual({ delivered: 3, done: true });
    expect(await expandNotificationJob(db, event.id, 5)).toEqual({ delivered: 0, done: true });
    const told = await db.selectFrom("notification").select("member_id").where("event_id", "=", event.id).execute();
    expect(told.map((t) => Number(t.member_id)).sort((a, b) => a - b)).toEqual([author.id, ...le.map((m) => m.id), ...carers.map((m) => m.id)].sort((a, b) => a - b));
    const mails = await db.selectFrom("email").select("to_address").where("template", "=", "Notification").where("idempotency_key", "like", `notification:${event.id}:%`).execute();
    expect(mails).toHaveLength(8); // 7 voters and the author, once each ("immediately" is the default for outcomes)
    // Small groups never reach the stored outcome either.
    const stored = await db.selectFrom("demand").select("outcome").where("id", "=", id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.outcome)).not.toMatch(/"carer_family","suppressed":false/);
  });

  it("keeps a deleted member's vote in the totals without linking it to anyone", async () => {
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const leaver = await createMember(db);
    const id = await createDemand(db, { authorId: author.id });
    await openDemandForVoting(db, id, admin.id);
    await castVote(db, id, leaver.id, { choice: "support", reason: null, reasonPublic: false });
    expect((await deleteAccount(db, leaver.id)).ok).toBe(true);
    expect(await db.selectFrom("vote").select(["member_id", "choice"]).where("demand_id", "=", id).execute()).toEqual([{ member_id: null, choice: "support" }]);
  });
});

describe("amendments", () => {
  async function inConsultation() {
    const author = await signedIn();
    const amender = await signedIn({ email: `amender-${Math.random().toString(36).slice(2)}@example.org` });
    const id = await createDemand(db, { authorId: author.id });
    await call(processAction, request(`/demands/${id}/process`, { form: { intent: "open-consultation", consultationEndsAt: inDays(7) }, cookie: author.cookie }), { id: String(id) });
    return { author, amender, id };
  }

  it("accepting makes a new revision crediting the amender, and tells them", async () => {
    const { author, amender, id } = await inConsultation();
    const proposed = await proposeAmendment(db, id, amender.id, { paragraphIndex: 1, proposedText: "Everyone leaving a ward must have a home they chose.", rationale: "Choice makes homes last." });
    expect(proposed.ok).toBe(true);
    const amendmentId = (proposed as { id: number }).id;
    const params = { id: String(id), amendmentId: String(amendmentId) };
    expect((await call(amendmentAction, request(`/demands/${id}/amendments/${amendmentId}`, { form: { intent: "accept" }, cookie: amender.cookie }), params)).status).toBe(403);
    const accepted = await call(amendmentAction, request(`/demands/${id}/amendments/${amendmentId}`, { form: { intent: "accept" }, cookie: author.cookie }), params);
    expect(accepted.status).toBe(302);
    const demand = await db.selectFrom("demand").select(["body", "current_revision"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(demand.current_revision).toBe(2);
    expect(demand.body).toContain("Everyone leaving a ward must have a home they chose.");
    expect(demand.body).toContain("## Why");
    const revision = await db.selectFrom("demand_revision").select(["author_id", "amendment_id", "note"]).where("demand_id", "=", id).where("number", "=", 2).executeTakeFirstOrThrow();
    expect(revision).toMatchObject({ author_id: amender.id, amendment_id: amendmentId });
    const mail = await db.selectFrom("email").select(["template", "props", "headers"]).where("to_address", "=", amender.email).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(mail.template).toBe("Notification");
    expect((mail.props as { heading: string }).heading).toMatch(/Your amendment to .* was accepted/);
    expect(mail.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  it("marks an amendment stale when its paragraph changed, and refuses to accept it blindly", async () => {
    const { author, amender, id } = await inConsultation();
    const proposed = (await proposeAmendment(db, id, amender.id, { paragraphIndex: 1, proposedText: "A replacement first paragraph.", rationale: "Clearer." })) as { id: number };
    const d = await db.selectFrom("demand").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    await saveDemandText(db, id, author.id, { title: d.title, summary: d.summary, body: d.body.replace("safe, settled home", "secure home"), easyRead: d.easy_read }, "Reworded");
    const params = { id: String(id), amendmentId: String(proposed.id) };
    const refused = await call(amendmentAction, request(`/demands/${id}/amendments/${proposed.id}`, { form: { intent: "accept" }, cookie: author.cookie }), params);
    expect(refused.data.errors.form).toMatch(/has been edited since it was proposed/);
    expect((await db.selectFrom("amendment").select("status").where("id", "=", proposed.id).executeTakeFirstOrThrow()).status).toBe("open");
    // Editing a different paragraph does not make it stale.
    const other = (await proposeAmendment(db, id, amender.id, { paragraphIndex: 3, proposedText: "Unplanned discharge undoes recovery.", rationale: "Shorter." })) as { id: number };
    const d2 = await db.selectFrom("demand").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    await saveDemandText(db, id, author.id, { title: d2.title, summary: d2.summary, body: d2.body.replace("What we want", "Our demand"), easyRead: d2.easy_read }, "New heading");
    expect((await call(amendmentAction, request(`/demands/${id}/amendments/${other.id}`, { form: { intent: "accept" }, cookie: author.cookie }), { id: String(id), amendmentId: String(other.id) })).status).toBe(302);
  });

  it("counts one support per member, and declining needs a reason", async () => {
    const { author, amender, id } = await inConsultation();
    const supporter = await signedIn();
    const proposed = (await proposeAmendment(db, id, amender.id, { paragraphIndex: null, proposedText: "An entirely new text for the demand, long enough to count.", rationale: "Start again." })) as { id: number };
    const params = { id: String(id), amendmentId: String(proposed.id) };
    for (let i = 0; i < 2; i++) await call(amendmentAction, request(`/demands/${id}/amendments/${proposed.id}`, { form: { intent: "support" }, cookie: supporter.cookie }), params);
    expect((await db.selectFrom("amendment").select("support_count").where("id", "=", proposed.id).executeTakeFirstOrThrow()).support_count).toBe(1);
    const noReason = await call(amendmentAction, request(`/demands/${id}/amendments/${proposed.id}`, { form: { intent: "decline" }, cookie: author.cookie }), params);
    expect(noReason.data.errors.reason).toBe("Give the amender a reason");
    await call(amendmentAction, request(`/demands/${id}/amendments/${proposed.id}`, { form: { intent: "decline", reason: "We prefer the current structure." }, cookie: author.cookie }), params);
    expect(await db.selectFrom("amendment").select(["status", "decision_reason"]).where("id", "=", proposed.id).executeTakeFirstOrThrow()).toEqual({ status: "declined", decision_reason: "We prefer the current structure." });
  });
});

describe("comments and moderation", () => {
  it("never sends a held or hidden comment's text or content note in page data, on demand or amendment pages", async () => {
    const author = await signedIn();
    const id = await createDemand(db, { authorId: author.id });
    await openConsultation(db, id, author.id, new Date(Date.now() + 7 * 86_400_000));
    const amendment = (await proposeAmendment(db, id, author.id, { paragraphIndex: null, proposedText: "A replacement text for the whole demand.", rationale: "Clearer." })) as { id: number };
    const writer = await signedIn();
    const p = { id: String(id) };
    const ap = { id: String(id), amendmentId: String(amendment.id) };
    const post = async (path: string, params: Record<string, string>, action: typeof demandAction, form: Record<string, string>) =>
      Number((await call(action, request(path, { form: { intent: "comment", ...form }, cookie: writer.cookie }), params)).location!.split("#comment-")[1]);
    const root = await post(`/demands/${id}`, p, demandAction, { body: "SECRET-ROOT-TEXT", contentNote: "SECRET-ROOT-NOTE" });
    const reply = await post(`/demands/${id}`, p, demandAction, { body: "SECRET-REPLY-TEXT", parentId: String(root) });
    const onAmendment = await post(`/demands/${id}/amendments/${amendment.id}`, ap, amendmentAction as typeof demandAction, { body: "SECRET-AMENDMENT-TEXT" });
    await db.updateTable("comment").set({ status: "held" }).where("id", "in", [root, onAmendment]).execute();
    await db.updateTable("comment").set({ status: "hidden", moderation_reason: "Personal attack" }).where("id", "=", reply).execute();

    const moderator = await signedIn({ roles: ["moderator"] });
    for (const viewer of [undefined, writer.cookie, author.cookie, moderator.cookie]) {
      const page = JSON.stringify((await call(demandLoader, request(`/demands/${id}`, { cookie: viewer }), p)).data);
      const amendmentPage = JSON.stringify((await call(amendmentLoader, request(`/demands/${id}/amendments/${amendment.id}`, { cookie: viewer }), ap)).data);
      expect(page).toContain('"status":"held"');
      expect(page).toContain("Personal attack");
      expect(page).not.toMatch(/SECRET-/);
      expect(amendmentPage).toContain('"status":"held"');
      expect(amendmentPage).not.toMatch(/SECRET-/);
    }
    // The moderation queue is the one place the text is read.
    await db.updateTable("comment").set({ open_reports: 3 }).where("id", "=", root).execute();
    const queue = JSON.stringify((await call(moderationLoader, request("/admin/moderation", { cookie: moderator.cookie }))).data);
    expect(queue).toContain("SECRET-ROOT-TEXT");
  });

  it("holds a comment reported by 3 different members until a moderator hides it with a reason or restores it", async () => {
    const author = await signedIn();
    const id = await createDemand(db, { authorId: author.id });
    await call(processAction, request(`/demands/${id}/process`, { form: { intent: "open-consultation", consultationEndsAt: inDays(7) }, cookie: author.cookie }), { id: String(id) });
    const writer = await signedIn();
    const posted = await call(demandAction, request(`/demands/${id}`, { form: { intent: "comment", body: "Something unkind." }, cookie: writer.cookie }), { id: String(id) });
    expect(posted.status).toBe(302);
    const commentId = Number(posted.location!.split("#comment-")[1]);
    const reporters = await Promise.all([signedIn(), signedIn(), signedIn()]);
    // The same member reporting twice counts once.
    await call(demandAction, request(`/demands/${id}`, { form: { intent: "report", commentId: String(commentId), category: "harassment", details: "Unkind" }, cookie: reporters[0]!.cookie }), { id: String(id) });
    await call(demandAction, request(`/demands/${id}`, { form: { intent: "report", commentId: String(commentId), category: "harassment", details: "Unkind again" }, cookie: reporters[0]!.cookie }), { id: String(id) });
    await call(demandAction, request(`/demands/${id}`, { form: { intent: "report", commentId: String(commentId), category: "harassment", details: "Rude" }, cookie: reporters[1]!.cookie }), { id: String(id) });
    expect((await db.selectFrom("comment").select("status").where("id", "=", commentId).executeTakeFirstOrThrow()).status).toBe("visible");
    await call(demandAction, request(`/demands/${id}`, { form: { intent: "report", commentId: String(commentId), category: "other", details: "Hurtful" }, cookie: reporters[2]!.cookie }), { id: String(id) });
    expect((await db.selectFrom("comment").select("status").where("id", "=", commentId).executeTakeFirstOrThrow()).status).toBe("held");
    const page = await call(demandLoader, request(`/demands/${id}`), { id: String(id) });
    expect(JSON.stringify(page.data.threads.roots.find((c: { id: number }) => c.id === commentId))).toContain('"status":"held"');

    expect((await call(moderationLoader, request("/admin/moderation", { cookie: writer.cookie }))).status).toBe(403);
    const moderator = await signedIn({ roles: ["moderator"] });
    const queue = await call(moderationLoader, request("/admin/moderation", { cookie: moderator.cookie }));
    expect(queue.data.reported.map((c: { id: number }) => c.id)).toContain(commentId);
    const noReason = await call(moderationAction, request("/admin/moderation", { form: { commentId: String(commentId), decision: "hide", reason: "" }, cookie: moderator.cookie }));
    expect(noReason.status).toBe(400);
    await call(moderationAction, request("/admin/moderation", { form: { commentId: String(commentId), decision: "hide", reason: "Personal attack" }, cookie: moderator.cookie }));
    expect(await db.selectFrom("comment").select(["status", "moderation_reason", "open_reports"]).where("id", "=", commentId).executeTakeFirstOrThrow()).toEqual({ status: "hidden", moderation_reason: "Personal attack", open_reports: 0 });
    await call(moderationAction, request("/admin/moderation", { form: { commentId: String(commentId), decision: "restore" }, cookie: moderator.cookie }));
    expect((await db.selectFrom("comment").select("status").where("id", "=", commentId).executeTakeFirstOrThrow()).status).toBe("visible");
    // An unknown comment is a 404, and nothing is written to the audit log.
    const audited = async () => (await db.selectFrom("audit_event").select("id").where("actor_id", "=", moderator.id).execute()).length;
    const before = await audited();
    const unknown = await call(moderationAction, request("/admin/moderation", { form: { commentId: "999999", decision: "hide", reason: "No such comment" }, cookie: moderator.cookie }));
    expect(unknown.status).toBe(404);
    expect(await audited()).toBe(before);
  });

  it("asks what is wrong with a reported comment, refuses a report without a reason, and tells the reporter on the comment itself", async () => {
    const author = await signedIn();
    const id = await createDemand(db, { authorId: author.id });
    const p = { id: String(id) };
    await call(processAction, request(`/demands/${id}/process`, { form: { intent: "open-consultation", consultationEndsAt: inDays(7) }, cookie: author.cookie }), p);
    const writer = await signedIn();
    const posted = await call(demandAction, request(`/demands/${id}`, { form: { intent: "comment", body: "A remark to report." }, cookie: writer.cookie }), p);
    const commentId = Number(posted.location!.split("#comment-")[1]);
    const reporter = await signedIn();
    const report = (form: Record<string, string>) => call(demandAction, request(`/demands/${id}?report=${commentId}`, { form: { intent: "report", commentId: String(commentId), ...form }, cookie: reporter.cookie }), p);

    const noCategory = await report({ details: "I did not choose" });
    expect(noCategory.status).toBe(400);
    expect(noCategory.data.errors.category).toBe("Choose what is wrong with the comment");
    expect(noCategory.data.values.details).toBe("I did not choose");
    const madeUp = await report({ category: "too-long" });
    expect(madeUp.data.errors.category).toBe("Choose what is wrong with the comment");
    const elseWithoutWords = await report({ category: "other", details: "" });
    expect(elseWithoutWords.data.errors.details).toBe("Say what is wrong with the comment");
    expect(await db.selectFrom("comment_report").select("reporter_id").where("comment_id", "=", commentId).execute()).toEqual([]);

    const before = await call(demandLoader, request(`/demands/${id}`, { cookie: reporter.cookie }), p);
    expect(before.data.reportedIds).toEqual([]);
    const sent = await report({ category: "personal_information", details: "It names my neighbour." });
    // Back to the comment itself, where the confirmation is shown (not a flash at the top of the page).
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/demands/${id}#comment-${commentId}`);
    expect(await db.selectFrom("comment_report").select(["category", "reason"]).where("comment_id", "=", commentId).executeTakeFirstOrThrow()).toEqual({
      category: "personal_information",
      reason: "It names my neighbour.",
    });
    const after = await call(demandLoader, request(`/demands/${id}`, { cookie: reporter.cookie }), p);
    expect(after.data.reportedIds).toEqual([commentId]);
    // Only for the reporter: the writer and other members still see the comment as it was.
    expect((await call(demandLoader, request(`/demands/${id}`, { cookie: writer.cookie }), p)).data.reportedIds).toEqual([]);

    const moderator = await signedIn({ roles: ["moderator"] });
    const queue = await call(moderationLoader, request("/admin/moderation", { cookie: moderator.cookie }));
    expect(queue.data.reported.find((c: { id: number }) => c.id === commentId).reasons).toEqual([{ category: "personal_information", reason: "It names my neighbour." }]);
  });

  it("tells the author when a moderator hides their comment, and lets only them ask once for a review", async () => {
    const author = await signedIn();
    const id = await createDemand(db, { authorId: author.id });
    await call(processAction, request(`/demands/${id}/process`, { form: { intent: "open-consultation", consultationEndsAt: inDays(7) }, cookie: author.cookie }), { id: String(id) });
    const writer = await signedIn();
    const p = { id: String(id) };
    const posted = await call(demandAction, request(`/demands/${id}`, { form: { intent: "comment", body: "A sharp remark." }, cookie: writer.cookie }), p);
    const commentId = Number(posted.location!.split("#comment-")[1]);
    const reporter = await signedIn();
    await call(demandAction, request(`/demands/${id}`, { form: { intent: "report", commentId: String(commentId), category: "harassment", details: "Too sharp" }, cookie: reporter.cookie }), p);
    // A visible comment cannot be "reviewed" by its author: there is nothing to review.
    expect((await call(demandAction, request(`/demands/${id}`, { form: { intent: "request-review", commentId: String(commentId), message: "Please look again" }, cookie: writer.cookie }), p)).status).toBe(403);

    const moderator = await signedIn({ roles: ["moderator"] });
    await call(moderationAction, request("/admin/moderation", { form: { commentId: String(commentId), decision: "hide", reason: "Personal attack" }, cookie: moderator.cookie }));
    const mail = await latestEmail(db, writer.email, "CommentHidden");
    expect(mail?.props).toMatchObject({ reason: "Personal attack", url: expect.stringContaining(`/demands/${id}?review=${commentId}#comment-${commentId}`) });
    expect((await call(moderationLoader, request("/admin/moderation", { cookie: moderator.cookie }))).data.reported.map((c: { id: number }) => c.id)).not.toContain(commentId);

    // Only the author may ask, with a message; asking puts the comment back in the queue, still hidden.
    expect((await call(demandAction, request(`/demands/${id}`, { form: { intent: "request-review", commentId: String(commentId), message: "Unfair" }, cookie: reporter.cookie }), p)).status).toBe(403);
    const empty = await call(demandAction, request(`/demands/${id}`, { form: { intent: "request-review", commentId: String(commentId), message: "" }, cookie: writer.cookie }), p);
    expect(empty.data.errors.message).toBe("Say why it should be shown");
    const asked = await call(demandAction, request(`/demands/${id}`, { form: { intent: "request-review", commentId: String(commentId), message: "It was about the policy, not a person." }, cookie: writer.cookie }), p);
    expect(asked.status).toBe(302);
    const queue = await call(moderationLoader, request("/admin/moderation", { cookie: moderator.cookie }));
    const item = queue.data.reported.find((c: { id: number }) => c.id === commentId);
    expect(item).toMatchObject({ status: "hidden", open_reports: 1 });
    expect(item.reasons).toEqual([{ category: null, reason: "Review asked for by the author: It was about the policy, not a person." }]);
    const again = await call(demandAction, request(`/demands/${id}`, { form: { intent: "request-review", commentId: String(commentId), message: "Again please" }, cookie: writer.cookie }), p);
    expect(again.status).toBe(302);
    expect((await db.selectFrom("comment").select("open_reports").where("id", "=", commentId).executeTakeFirstOrThrow()).open_reports).toBe(1);
  });

  it("lets authors edit for 15 minutes and delete, leaving a placeholder; replies join their thread", async () => {
    const author = await signedIn();
    const id = await createDemand(db, { authorId: author.id });
    await call(processAction, request(`/demands/${id}/process`, { form: { intent: "open-consultation", consultationEndsAt: inDays(7) }, cookie: author.cookie }), { id: String(id) });
    const writer = await signedIn();
    const p = { id: String(id) };
    const posted = await call(demandAction, request(`/demands/${id}`, { form: { intent: "comment", body: "First thought", contentNote: "mentions self-harm" }, cookie: writer.cookie }), p);
    const rootId = Number(posted.location!.split("#comment-")[1]);
    const reply = await call(demandAction, request(`/demands/${id}`, { form: { intent: "comment", body: "A reply", parentId: String(rootId) }, cookie: author.cookie }), p);
    const replyId = Number(reply.location!.split("#comment-")[1]);
    expect((await db.selectFrom("comment").select("thread_id").where("id", "=", replyId).executeTakeFirstOrThrow()).thread_id).toBe(rootId);
    const empty = await call(demandAction, request(`/demands/${id}`, { form: { intent: "comment", body: "   " }, cookie: writer.cookie }), p);
    expect(empty.data.errors.body).toBe("Write your comment");
    expect((await call(demandAction, request(`/demands/${id}`, { form: { intent: "edit-comment", commentId: String(rootId), body: "Edited thought" }, cookie: author.cookie }), p)).status).toBe(403);
    expect((await call(demandAction, request(`/demands/${id}`, { form: { intent: "edit-comment", commentId: String(rootId), body: "Edited thought" }, cookie: writer.cookie }), p)).status).toBe(302);
    await db.updateTable("comment").set({ created_at: sql`now() - interval '16 minutes'` }).where("id", "=", rootId).execute();
    const late = await call(demandAction, request(`/demands/${id}`, { form: { intent: "edit-comment", commentId: String(rootId), body: "Too late" }, cookie: writer.cookie }), p);
    expect(late.data.errors.form).toMatch(/15 minutes/);
    await call(demandAction, request(`/demands/${id}`, { form: { intent: "delete-comment", commentId: String(rootId) }, cookie: writer.cookie }), p);
    const page = await call(demandLoader, request(`/demands/${id}`), p);
    const root = page.data.threads.roots.find((c: { id: number }) => c.id === rootId);
    expect(root).toMatchObject({ status: "deleted", body: "" });
    expect(page.data.threads.replies.map((r: { id: number }) => r.id)).toEqual([replyId]);
  });
});

describe("endorsements", () => {
  it("are made by admins of verified organisations only, shown on the demand, and withdrawable", async () => {
    const orgAdmin = await signedIn();
    const orgMember = await signedIn();
    const pendingAdmin = await signedIn();
    const verified = await createOrganisation(db, { name: "Endorsing Org", adminId: orgAdmin.id, members: [{ id: orgMember.id }] });
    const pending = await createOrganisation(db, { name: "Pending Org", adminId: pendingAdmin.id, verified: false });
    const author = await createMember(db);
    const admin = await createMember(db, { roles: ["admin"] });
    const id = await createDemand(db, { authorId: author.id });
    await openDemandForVoting(db, id, admin.id);
    const p = { id: String(id) };
    const form = (orgId: number) => ({ intent: "endorse", organisationId: String(orgId), statement: "We stand behind this demand." });
    expect((await call(demandAction, request(`/demands/${id}`, { form: form(verified.id), cookie: orgMember.cookie }), p)).status).toBe(403);
    expect((await call(demandAction, request(`/demands/${id}`, { form: form(pending.id), cookie: pendingAdmin.cookie }), p)).status).toBe(403);
    expect((await call(demandAction, request(`/demands/${id}`, { form: form(verified.id), cookie: orgAdmin.cookie }), p)).status).toBe(302);
    const page = await call(demandLoader, request(`/demands/${id}`), p);
    expect(page.data.endorsements.map((e: { name: string }) => e.name)).toEqual(["Endorsing Org"]);
    const orgPage = await call(orgPageLoader, request("/organisations/endorsing-org"), { slug: "endorsing-org" });
    expect(orgPage.data.endorsements.map((e: { id: number }) => e.id)).toEqual([id]);
    expect(await db.selectFrom("vote").select("id").where("demand_id", "=", id).execute()).toHaveLength(0);
    // Withdrawing asks first: the link only opens the confirmation (the endorsement stands); the POST withdraws.
    const asking = await call(demandLoader, request(`/demands/${id}?withdraw-endorsement=${verified.id}`, { cookie: orgAdmin.cookie }), p);
    expect(asking.data.confirmWithdrawal).toBe(verified.id);
    expect(asking.data.endorsableOrganisations).toEqual([{ id: verified.id, name: "Endorsing Org", endorsed: true }]);
    expect(asking.data.endorsements).toHaveLength(1);
    await call(demandAction, request(`/demands/${id}`, { form: { intent: "withdraw-endorsement", organisationId: String(verified.id) }, cookie: orgAdmin.cookie }), p);
    expect((await call(demandLoader, request(`/demands/${id}`), p)).data.endorsements).toEqual([]);
  });
});
