/**
 * Linear-time checks that hold on a busy machine: no test asserts wall-clock time. The work is timed
 * in CPU time of this process (which other processes competing for the cores do not inflate), the
 * best of a few runs, at a size and at `factor` times that size; the ratio is what is asserted. A
 * linear algorithm gives about `factor`, a quadratic one about factor²; figures live in tests/bench/.
 */
export function cpuMs(work: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** CPU time at size n and at factor × n, and their ratio; `build(n)` makes the input outside the timing. */
export function growth<T>(build: (n: number) => T, work: (input: T) => unknown, n: number, factor: number) {
  const small = build(n);
  const large = build(n * factor);
  work(small); // warm up: the first call pays for compiling the code under test
  const smallMs = cpuMs(() => work(small));
  const largeMs = cpuMs(() => work(large));
  // Below a millisecond the clock's grain dominates: count it as a millisecond.
  return { smallMs, largeMs, ratio: largeMs / Math.max(smallMs, 1) };
}
