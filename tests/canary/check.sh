#!/usr/bin/env bash
# A deliberately failing test must fail each runner `npm test` uses; a suite that exits 0 on
# failure would let a red change land. Each run must exit non-zero AND report exactly one failure
# (so "no tests found" or a crash does not pass for a failure).
set -uo pipefail
cd "$(dirname "$0")/../.."

check() {
  local name=$1; shift
  local out status
  out=$("$@" 2>&1); status=$?
  if [ "$status" -eq 0 ]; then echo "exit-code check: $name exited 0 on a failing test"; echo "$out" | tail -20; exit 1; fi
  if ! grep -Eq "$EXPECT" <<<"$out"; then echo "exit-code check: $name failed for another reason (status $status)"; echo "$out" | tail -20; exit 1; fi
  echo "exit-code check: $name exits $status on a failing test, as it must"
}

EXPECT='Tests +1 failed' check vitest npx vitest run --config tests/canary/vitest.config.ts --reporter=default --no-color
EXPECT='1 failed' check playwright npx playwright test -c tests/canary/playwright.config.ts
