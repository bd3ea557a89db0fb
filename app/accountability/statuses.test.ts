import { describe, expect, it } from "vitest";
import { ASK_STATUSES } from "../../db/schema";
import { canMove, nextStatuses, statusAfterResponse } from "./statuses";

describe("ask statuses", () => {
  it("lets every status be reached from 'asked' by some path, and never back to 'asked'", () => {
    const reached = new Set<string>(["asked"]);
    let frontier = ["asked" as const] as (typeof ASK_STATUSES)[number][];
    while (frontier.length) {
      frontier = frontier.flatMap((s) => nextStatuses(s)).filter((s) => !reached.has(s));
      frontier.forEach((s) => reached.add(s));
    }
    expect([...reached].sort()).toEqual([...ASK_STATUSES].sort());
    for (const s of ASK_STATUSES) expect(canMove(s, "asked")).toBe(s === "asked");
  });

  it("keeps 'delivered' behind a commitment: nothing jumps from asked or declined straight to delivered", () => {
    expect(canMove("asked", "delivered")).toBe(false);
    expect(canMove("declined", "delivered")).toBe(false);
    expect(canMove("committed", "delivered")).toBe(true);
    expect(canMove("delivered", "broken")).toBe(true);
  });

  it("moves only a waiting ask to 'responded' when an answer arrives", () => {
    expect(statusAfterResponse("asked")).toBe("responded");
    expect(statusAfterResponse("no_response")).toBe("responded");
    expect(statusAfterResponse("committed")).toBe("committed");
  });
});
