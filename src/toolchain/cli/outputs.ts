/**
 * The files a command writes (`build -o`, its sidecars, `sim --vcd` and
 * `--trace`), checked before anything runs and written so that nothing a
 * user has is lost:
 *
 *   checkOutputs   refuses, with USAGE naming the option, an output that is
 *                  a directory, the same file as one of the command's inputs
 *                  (the firmware, the scenario, a UART input), or the same
 *                  file as another output
 *   OutputFile     writes to `<file>.partial` beside the target, which it
 *                  creates at once (so an unwritable path fails before the
 *                  run), and renames it over the target only when the
 *                  command is done: a failed or interrupted command leaves
 *                  the old file as it was
 *
 * Who calls: build.ts, build-espruino.ts and sim.ts.
 */
import { closeSync, existsSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { OutpostError } from "../../contract/errors.ts";
import { usageError } from "./args.ts";
import { makeDirs } from "../make-dirs.ts";

/** What a command writes, by option (`--vcd`), and what it reads, by what it is ("the firmware"). */
export interface OutputCheck {
  command: string;
  outputs: { option: string; path: string }[];
  inputs: { what: string; path: string }[];
}

/** A path as the file system names it: symbolic links and `..` resolved, as far as it exists. */
function canonical(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    return existsSync(dirname(full)) ? resolve(canonicalDir(dirname(full)), basename(full)) : full;
  }
}

function canonicalDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

export function checkOutputs(check: OutputCheck): void {
  const seen = new Map<string, string>();
  for (const { option, path } of check.outputs) {
    const at = canonical(path);
    if (existsSync(at) && statSync(at).isDirectory()) {
      throw usageError(check.command, `${option} ${path} is a directory: give a file name, like ${path.replace(/\/?$/, "/")}${defaultName(option)}`);
    }
    const input = check.inputs.find((i) => canonical(i.path) === at);
    if (input) throw usageError(check.command, `${option} ${path} is ${input.what}: writing it would overwrite it, choose another file`);
    const other = seen.get(at);
    if (other) throw usageError(check.command, `${option} and ${other} both name ${path}: give each its own file`);
    seen.set(at, option);
  }
}

function defaultName(option: string): string {
  return option === "--vcd" ? "run.vcd" : option === "--trace" ? "run.json" : "firmware.wasm";
}

/** An output written in pieces to `<path>.partial`, then renamed into place by `commit`. */
export class OutputFile {
  readonly path: string;
  private fd: number;
  /** Where the output is written until `commit` (a tool that writes the file itself may write here). */
  readonly partial: string;
  private pending = "";

  constructor(
    path: string,
    option: string,
  ) {
    this.path = path;
    this.partial = `${path}.partial`;
    try {
      makeDirs(dirname(resolve(path)));
      this.fd = openSync(this.partial, "w");
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === "EACCES" ? "permission denied" : (e as Error).message;
      throw new OutpostError("USAGE", `cannot write ${option} ${path} (${why}): choose a path you can write`);
    }
  }

  /** Appends text (buffered: written in 64 KiB pieces) or bytes. */
  write(data: string | Uint8Array): void {
    if (typeof data !== "string") {
      this.flush();
      writeSync(this.fd, data);
      return;
    }
    this.pending += data;
    if (this.pending.length >= 65536) this.flush();
  }

  private flush(): void {
    if (this.pending) writeSync(this.fd, this.pending);
    this.pending = "";
  }

  /** Finishes the file and puts it in place of the target. */
  commit(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(this.partial, this.path);
  }

  /** Leaves the target as it was (a command that failed). */
  discard(): void {
    closeSync(this.fd);
    rmSync(this.partial, { force: true });
  }
}

/** Writes a whole file the same way (`<path>.partial`, then renamed), for outputs made in one piece. */
export function writeOutput(path: string, option: string, contents: string | Uint8Array): void {
  const file = new OutputFile(path, option);
  file.write(contents);
  file.commit();
}
