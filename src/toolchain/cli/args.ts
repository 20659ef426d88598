/**
 * Command-line parsing for every `outpost` command: options from a small
 * table, positionals checked by count, and one USAGE error per mistake,
 * naming the option and the help to read.
 */
import { OutpostError } from "../../contract/errors.ts";

/** An option either takes a value (`--board sim`, `--board=sim`) or is a switch (`--help`). */
export type OptionSpec = Record<string, "value" | "switch">;

export interface Args {
  positionals: string[];
  /** Values in command-line order; a repeated option appears twice. */
  values: [option: string, value: string][];
  switches: Set<string>;
}

export function usageError(command: string, problem: string): OutpostError {
  return new OutpostError("USAGE", `${problem}: see outpost ${command} --help`);
}

/**
 * `pattern` admits value options beyond the table (e.g. `--uart0`, `--uart1`).
 * A value may not start with `--` unless written `--option=--value`.
 */
export function parseArgs(command: string, argv: string[], spec: OptionSpec, pattern?: RegExp): Args {
  const args: Args = { positionals: [], values: [], switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      args.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      args.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 && arg.startsWith("--") ? arg.slice(0, eq) : arg;
    const kind = spec[name] ?? (pattern?.test(name) ? "value" : undefined);
    if (kind === undefined) throw usageError(command, `unknown option ${name} for outpost ${command}`);
    if (kind === "switch") {
      if (name !== arg) throw usageError(command, `option ${name} takes no value`);
      args.switches.add(name);
      continue;
    }
    let value: string | undefined = name !== arg ? arg.slice(eq + 1) : argv[i + 1];
    if (name === arg) {
      if (value === undefined || value.startsWith("--")) throw usageError(command, `option ${name} needs a value`);
      i++;
    }
    args.values.push([name, value]);
  }
  return args;
}

/** The last value given for `option`, or undefined. */
export function valueOf(args: Args, option: string): string | undefined {
  return args.values.filter(([o]) => o === option).at(-1)?.[1];
}

export function wantsHelp(args: Args): boolean {
  return args.switches.has("--help") || args.switches.has("-h");
}

/** The one positional a command takes; USAGE when it is missing or followed by more. */
export function onePositional(command: string, args: Args, what: string): string {
  const [first, extra] = args.positionals;
  if (extra !== undefined) throw usageError(command, `unexpected argument "${extra}" for outpost ${command}`);
  if (first === undefined) throw usageError(command, `outpost ${command} needs ${what}`);
  return first;
}
