import { expect, test } from "@playwright/test";

// Deliberately fails: tests/canary/check.sh proves a failing browser test fails the run.
test("a failing browser test fails the run", () => {
  expect(1 + 1).toBe(3);
});
