/**
 * The parity programs (test/firmware/parity/<name>.ts) the differential
 * suite runs, in the order of issues 12 and 13. Each program logs lines
 * that start with its name and says in its opening comment what it checks.
 *
 * - `waitsFor`: the program does not build or run as native TypeScript does
 *   yet; the suite keeps it as a skipped test naming the missing form.
 *   Delete the field when the lowering supports it.
 * - `lazy`: the program observes on purpose that Outpost's futures are
 *   lazy (a call runs when awaited, joined or selected), so the native run
 *   models that rule; the text says why.
 * - `us`: virtual time to run (default 1 s).
 */
export interface Program {
  name: string;
  waitsFor?: string;
  lazy?: string;
  us?: number;
}

export const programs: Program[] = [
  // What the lowering did before issues 12 and 13.
  { name: "loops", us: 200_000 },
  { name: "select-finally", us: 200_000 },
  { name: "task-pool", us: 100_000 },
];
