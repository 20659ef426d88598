/**
 * `outpost sim --watch`: runs the firmware, then waits for a change to any
 * file the run came from (every source its build read, the scenario, a
 * `--uartN @FILE` input) and runs it again, until Ctrl-C (exit 130). The
 * options are read again for each run, so an edited scenario counts too.
 *
 * Rebuilds go through the build cache in this one process, which keeps the
 * compiler loaded and warm: a one-line change rebuilds in a couple of
 * seconds (bench/rebuild.bench.ts measures it). A run that fails (a build
 * error, a bad scenario, a panic) prints its report as `outpost sim` would,
 * and the loop goes on waiting. Between runs, stderr says what it waits for
 * and what changed:
 *
 *   watch: exit code 0; waiting for a change to main.ts or 1 other file (Ctrl-C stops)
 *   watch: main.ts changed: running again
 *
 * Outpost's own files (runtime, HAL, toolchain) are not watched: the
 * toolchain is loaded once, so a change to it needs a new `outpost sim`.
 */
import { type FSWatcher, watch } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import { fileHash } from "../cache/fingerprint.ts";
import { isOutpostSource } from "../packages.ts";
import { type Args, usageError } from "./args.ts";
import { EXIT_INTERRUPTED, report } from "./report.ts";
import { type SimPlan, simPlan } from "./sim-options.ts";

/** Wait this long after a change before running, so an editor's save (several writes) is one change. */
const SETTLE_MS = 150;

type RunOnce = (plan: SimPlan) => Promise<{ code: number; sources: string[] }>;

export async function watchSim(args: Args, runOnce: RunOnce): Promise<number> {
  if (args.switches.has("--realtime")) throw usageError("sim", "--watch and --realtime do not go together: a realtime run reads the keyboard until Ctrl-C");
  simPlan(args); // a mistake in the options stops here, before anything is watched
  const [entry] = args.positionals;
  let stop: () => void = () => {};
  let stopped = false;
  const onSignal = (): void => {
    stopped = true;
    stop();
  };
  process.on("SIGINT", onSignal);
  try {
    let files = [resolve(entry ?? ".")];
    for (;;) {
      // Taken before the run: a file saved while it builds counts as changed once it is done.
      const before = new Map(files.map((f) => [f, fileHash(f)]));
      let code: number;
      try {
        const plan = simPlan(args);
        const run = await runOnce(plan);
        code = run.code;
        files = [...run.sources, ...inputFiles(args)];
      } catch (e) {
        code = report(e);
      }
      if (stopped || code === EXIT_INTERRUPTED) return EXIT_INTERRUPTED;
      const watched = [...new Set(files.map((f) => resolve(f)))].filter((f) => !isOutpostSource(f));
      files = watched;
      const changed = new Promise<string | null>((done) => {
        const waiter = waitForChange(watched, (f) => before.get(f) ?? fileHash(f), done);
        stop = () => {
          waiter.close();
          done(null);
        };
      });
      // Said once the watch is set up, so a change made as soon as it is read is seen.
      const [first, ...others] = watched.map((f) => relative(process.cwd(), f));
      const more = others.length === 0 ? "" : ` or ${others.length} other file${others.length === 1 ? "" : "s"}`;
      process.stderr.write(`watch: exit code ${code}; waiting for a change to ${first}${more} (Ctrl-C stops)\n`);
      const file = await changed;
      if (file === null) return EXIT_INTERRUPTED;
      process.stderr.write(`watch: ${relative(process.cwd(), file)} changed: running again\n`);
    }
  } finally {
    process.off("SIGINT", onSignal);
  }
}

/** The scenario and `--uartN @FILE` inputs: read by the run, so watched too. */
function inputFiles(args: Args): string[] {
  return args.values.flatMap(([option, value]) => {
    if (option === "--scenario") return [value];
    if (/^--uart\d+$/.test(option) && value.startsWith("@")) return [value.slice(1)];
    return [];
  });
}

/**
 * Calls `done(file)` once one of `files` has content other than `seen(file)` (it changed,
 * appeared or went away), at once if it already has. Watches
 * their folders rather than the files: editors often save by writing a new file and renaming it
 * over the old one, which a watch on the old file would miss.
 */
function waitForChange(files: string[], seen: (file: string) => string, done: (file: string) => void): { close(): void } {
  const before = new Map(files.map((f) => [f, seen(f)]));
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const close = (): void => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
  const check = (): void => {
    const changed = files.find((f) => fileHash(f) !== before.get(f));
    if (changed === undefined) return; // touched, not changed
    close();
    done(changed);
  };
  setImmediate(check); // changed already, between the run's start and now
  for (const dir of new Set(files.map((f) => dirname(f)))) {
    const names = new Set(files.filter((f) => dirname(f) === dir).map((f) => basename(f)));
    try {
      watchers.push(
        watch(dir, (_event, name) => {
          if (name !== null && !names.has(name.toString())) return;
          clearTimeout(timer);
          timer = setTimeout(check, SETTLE_MS);
        }),
      );
    } catch {
      // a folder that does not exist (an import of a missing folder): nothing to see there yet
    }
  }
  return { close };
}
