// How a function's cost grows with its input: CPU time of this process (not wall clock, so other
// processes on a busy machine do not count) at size n and 4n, the median of a few runs each.
// Linear work gives a ratio near 4, quadratic near 16; tests assert below LINEAR_GROWTH_LIMIT.

/** The geometric middle of 4 (linear) and 16 (quadratic) for a 4× larger input. */
export const LINEAR_GROWTH_LIMIT = 8;

function cpuMillis(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** cost(4n) / cost(n) for a synchronous run over input built once per size; warms the JIT first. */
export function growthRatio<T>(build: (n: number) => T, run: (input: T) => unknown, n: number, repeats = 3): number {
  const small = build(n);
  const large = build(4 * n);
  run(build(Math.max(1, Math.floor(n / 4))));
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    smallTimes.push(cpuMillis(() => run(small)));
    largeTimes.push(cpuMillis(() => run(large)));
  }
  return median(largeTimes) / Math.max(median(smallTimes), 1);
}
