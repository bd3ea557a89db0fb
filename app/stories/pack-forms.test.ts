import { describe, expect, it } from "vitest";
import { MakePackSchema } from "./pack-forms";

const messages = (raw: Record<string, unknown>) => {
  const result = MakePackSchema.safeParse(raw);
  return result.success ? [] : result.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
};

describe("the make-a-pack form", () => {
  it("says everything missing at once", () => {
    expect(messages({ intent: "chosen" })).toEqual(["title: Enter a title for the pack", "storyIds: Tick at least one story, or choose “Include every quotable story”"]);
  });
  it("needs no ticks when every quotable story is asked for, and reads what it goes with", () => {
    expect(MakePackSchema.parse({ title: "For the minister", intent: "all", goesWith: "ask-7" })).toEqual({ title: "For the minister", intent: "all", storyIds: [], goesWith: { petitionId: null, askId: 7 } });
    expect(MakePackSchema.parse({ title: "For the minister", storyIds: ["3", "3", "4"], goesWith: "petition-2" })).toMatchObject({ storyIds: [3, 4], goesWith: { petitionId: 2, askId: null }, intent: "chosen" });
  });
  it("refuses a tampered choice", () => {
    expect(messages({ title: "x", storyIds: "1", goesWith: "letter-3" })).toEqual(["goesWith: Choose a petition or an ask from the list"]);
    expect(messages({ title: "x", storyIds: "1", intent: "everything" })).toHaveLength(1);
  });
});
