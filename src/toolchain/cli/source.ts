/**
 * The source line behind a file:line:column, for panic reports:
 *
 *       12 |   pool.spawn();
 *          |   ^
 *
 * A panic names files the way the build saw them: relative to the entry's
 * folder, relative to the working directory, or as `~lib/outpost/...` for
 * Outpost's own firmware packages. `findSource` tries each in turn and
 * names the file as a path relative to the working directory; its excerpt
 * is "" when the file cannot be read or has no such line.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { libraryFile } from "../packages.ts";

/** Candidate paths of `file`, most specific first. */
function candidates(file: string, dirs: readonly string[]): string[] {
  const lib = libraryFile(file);
  if (lib !== null) return [lib];
  if (isAbsolute(file)) return [file];
  return [...dirs.map((d) => join(d, file)), join(process.cwd(), file)];
}

export interface Source {
  /** The file as the user would open it: relative to the working directory when possible. */
  path: string;
  /** The line and a caret under the column, indented for a report; "" when unknown. */
  excerpt: string;
}

export function findSource(file: string, line: number, column: number, dirs: readonly string[] = []): Source {
  if (!file || line < 1) return { path: file, excerpt: "" };
  for (const path of candidates(file, dirs)) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      continue;
    }
    const shown = relative(process.cwd(), path);
    const source = text.split(/\r?\n/)[line - 1];
    if (source === undefined) return { path: shown, excerpt: "" };
    const gutter = String(line).length;
    const caret = column > 0 ? `${" ".repeat(gutter + 4)} | ${" ".repeat(column - 1)}^\n` : "";
    return { path: shown.startsWith("..") ? path : shown, excerpt: `    ${line} | ${source.replace(/\t/g, " ")}\n${caret}` };
  }
  return { path: file, excerpt: "" };
}
