import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { liveTally, tallyVotes, unlinkMemberVotes } from "../../app/models/vote.server";
import { castVote } from "../../app/services/demand.server";
import { createDemand, createMember, openDemandForVoting } from "../support/builders";

/** The live tally reads running totals a trigger keeps; they must always equal a count of the ballots. */
async function votingDemand() {
  const author = await createMember(db);
  const admin = await createMember(db, { roles: ["admin"] });
  const id = await createDemand(db, { authorId: author.id });
  await openDemandForVoting(db, id, admin.id, { liveResults: true });
  return id;
}
const choices = ["support", "oppose", "abstain"] as const;

describe("running vote totals", () => {
  it("follow new votes, changed votes, unchanged resubmissions and deleted votes", async () => {
    const id = await votingDemand();
    const voters = await Promise.all(Array.from({ length: 4 }, () => createMember(db)));
    for (const [i, voter] of voters.entries()) await castVote(db, id, voter.id, { choice: choices[i % 3]!, reason: null, reasonPublic: false });
    expect(await liveTally(db, id)).toEqual({ support: 2, oppose: 1, abstain: 1 });
    await castVote(db, id, voters[0]!.id, { choice: "oppose", reason: null, reasonPublic: false });
    await castVote(db, id, voters[1]!.id, { choice: "oppose", reason: "Same choice, new reason", reasonPublic: true });
    expect(await liveTally(db, id)).toEqual({ support: 1, oppose: 2, abstain: 1 });
    await unlinkMemberVotes(db, voters[2]!.id); // a deleted account's ballot still counts
    await db.deleteFrom("vote").where("demand_id", "=", id).where("member_id", "=", voters[3]!.id).execute();
    expect(await liveTally(db, id)).toEqual({ support: 0, oppose: 2, abstain: 1 });
    expect(await liveTally(db, id)).toEqual(await tallyVotes(db, id));
  });

  it("stay exact when 60 members vote and change their votes at the same moment", async () => {
    const id = await votingDemand();
    const voters = await Promise.all(Array.from({ length: 60 }, () => createMember(db)));
    await Promise.all(voters.map((v, i) => castVote(db, id, v.id, { choice: choices[i % 3]!, reason: null, reasonPublic: false })));
    await Promise.all(voters.map((v, i) => castVote(db, id, v.id, { choice: choices[(i + 1 + (i % 2)) % 3]!, reason: null, reasonPublic: false })));
    const counted = await tallyVotes(db, id);
    expect(counted.support + counted.oppose + counted.abstain).toBe(60);
    expect(await liveTally(db, id)).toEqual(counted);
  });

  it("count a bulk insert once per row, and go with a deleted demand", async () => {
    const id = await votingDemand();
    const voters = await Promise.all(Array.from({ length: 10 }, () => createMember(db)));
    await db.insertInto("vote").values(voters.map((v) => ({ demand_id: id, member_id: v.id, choice: "support" as const }))).execute();
    expect(await liveTally(db, id)).toEqual({ support: 10, oppose: 0, abstain: 0 });
    await db.deleteFrom("demand").where("id", "=", id).execute();
    const left = await sql<{ n: number }>`select count(*)::int as n from vote_count where demand_id = ${id}`.execute(db);
    expect(left.rows[0]!.n).toBe(0);
  });
});
