/** Prints one benchmark result for test/bench/run.js to collect. */
export function reportResult(
  name: string,
  metrics: Record<string, string | number>,
) {
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ name, metrics })}\n`);
}

/**
 * Wall time and CPU time (user and system, every thread), summed over the
 * stretches it ran: on a shared machine the wall time also counts the time
 * other processes had the CPU.
 */
export class Stopwatch {
  ms = 0;
  cpuMs = 0;
  #started = 0n;
  #cpu = process.cpuUsage();

  start() {
    this.#cpu = process.cpuUsage();
    this.#started = process.hrtime.bigint();
  }

  stop() {
    this.ms += Number(process.hrtime.bigint() - this.#started) / 1e6;
    const cpu = process.cpuUsage(this.#cpu);
    this.cpuMs += (cpu.user + cpu.system) / 1e3;
  }
}

/** Runs `fn` and returns how long it took, in milliseconds, and the CPU time spent meanwhile. */
export async function timed<T>(
  fn: () => Promise<T> | T,
): Promise<{ value: T; ms: number; cpuMs: number }> {
  const clock = new Stopwatch();
  clock.start();
  const value = await fn();
  clock.stop();
  return { value, ms: clock.ms, cpuMs: clock.cpuMs };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const round = (value: number, digits = 1) =>
  Number(value.toFixed(digits));

/**
 * Runs a benchmark's main and ends its process: 0 once it reported, 1 when it
 * threw. Exits explicitly because a stopped backend can leave timers behind
 * that would keep the process, and so test/bench/run.js, waiting.
 */
export function runBenchmark(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
