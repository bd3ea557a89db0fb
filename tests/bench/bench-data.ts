import { sql } from "kysely";
import type { Database } from "../../db";
import { castVote, closeVoting } from "../../app/services/demand.server";
import { startCampaign } from "../../app/services/campaign.server";
import { createPetition, openPetition } from "../../app/services/petition.server";
import { createDemand, createMember, expireVoting, openDemandForVoting } from "../support/builders";

/** The data the benchmarks share, built through the app's own code plus bulk SQL where the app has no bulk path. */

/** `count` members (bench1@… upwards), each with one perspective, so breakdowns have every group. */
export async function seedBenchMembers(db: Database, count: number) {
  await sql`insert into member (email, display_name, email_verified_at, confirmed_adult_at)
    select 'bench' || g || '@example.org', 'Bench member ' || g, now(), now() from generate_series(1, ${count}) g`.execute(db);
  await sql`insert into member_perspective (member_id, perspective)
    select id, (array['lived_experience','carer_family','practitioner','researcher','supporter'])[1 + id % 5] from member where email like 'bench%'`.execute(db);
}

/** A demand in a live vote (live results, the double majority, a quorum) with `votes` ballots and `roots` threads of 1 + `repliesPerRoot` comments. */
export async function seedVotingDemand(db: Database, people: { authorId: number; facilitatorId: number }, votes: number, roots: number, repliesPerRoot: number) {
  const id = await createDemand(db, { authorId: people.authorId });
  await openDemandForVoting(db, id, people.facilitatorId, { liveResults: true, rule: "lived_experience_double_majority", quorum: 100 });
  await sql`insert into vote (demand_id, member_id, choice)
    select ${id}, id, (array['support','support','oppose','abstain'])[1 + id % 4] from member where email like 'bench%' order by id limit ${votes}`.execute(db);
  await sql`insert into comment (demand_id, author_id, body, created_at, thread_activity_at)
    select ${id}, (select min(id) from member where email like 'bench%') + g, 'Root comment ' || g || ' with a few sentences of text about the demand.', now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
    from generate_series(1, ${roots}) g`.execute(db);
  await sql`update comment set thread_id = id where demand_id = ${id} and parent_id is null`.execute(db);
  await sql`insert into comment (demand_id, parent_id, thread_id, author_id, body)
    select c.demand_id, c.id, c.id, c.author_id, 'A reply ' || g from comment c cross join generate_series(1, ${repliesPerRoot}) g where c.demand_id = ${id} and c.parent_id is null`.execute(db);
  await sql`analyze`.execute(db);
  return id;
}

/** An open petition (through an adopted demand and a running campaign) with a goal no benchmark reaches. */
export async function openBenchPetition(db: Database) {
  const lead = await createMember(db);
  const admin = await createMember(db, { roles: ["admin"] });
  const demandId = await createDemand(db, { authorId: lead.id });
  await openDemandForVoting(db, demandId, admin.id);
  await castVote(db, demandId, lead.id, { choice: "support", reason: null, reasonPublic: false });
  await expireVoting(db, demandId);
  await closeVoting(db, demandId);
  const campaign = await startCampaign(db, lead.id, demandId, { title: "Benchmark campaign", pitch: "A campaign for the benchmark, long enough.", ask: "An ask for the benchmark campaign.", target: "Everyone", endsOn: null }, []);
  if (!campaign.ok) throw new Error(campaign.reason);
  const made = await createPetition(db, campaign.id, lead.id, { title: "Benchmark petition", ask: "Sign as fast as you can.", why: "To measure signatures per second.", addressedTo: "The benchmark", goal: 1_000_000, closesAt: null });
  await openPetition(db, made.id);
  return made;
}
