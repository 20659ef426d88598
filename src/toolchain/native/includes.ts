/**
 * What a C compile reads, for the native object cache's keys (objects.ts),
 * found without running the preprocessor: the source and every project
 * file it can include, and a fingerprint of the compiler's system headers.
 *
 *   project files   `#include "x"` and `#include <x>` lines, followed from
 *                   the source through every file they reach, resolved as
 *                   GCC resolves them (the including file's folder for
 *                   quotes, then each -I folder). Every such line counts,
 *                   whatever #if surrounds it: a file is in the key when it
 *                   could be read, so the key covers at least what is read.
 *   system headers  every file under the folders the compiler searches
 *                   after the -I ones (its own, libc's, picolibc's), by
 *                   path, size and modification time: a header changes
 *                   there only when a package is installed or upgraded,
 *                   which rewrites it. Listed once per process and set of
 *                   flags that can move the search (a few tens of ms).
 *
 * A name found in no project folder is a system header (the fingerprint
 * covers it) or missing (the compile fails if it really reads it; a file
 * that appears later changes the scan or the fingerprint). When a compile
 * does anything this cannot follow (an #include through a macro,
 * #include_next, __has_include, -include), `compileInputs` returns null and
 * objects.ts keys the object by the preprocessed source instead, as it
 * always may.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { sha256 } from "../cache/fingerprint.ts";

const DIRECTIVE = /^[ \t]*#[ \t]*(include|include_next|import)\b[ \t]*(.*)$/gm;
/** Flags that only define macros, warn or optimise: they cannot move the header search. */
const NO_SEARCH_EFFECT = /^(-D|-U|-O|-W|-w$|-std=|-f|-c$)/;
/** Flags that make the compile read files this scan does not follow, or search where it does not look (both spellings: `-isystem d`, `-isystemd`). */
const UNFOLLOWED = /^(-include|-imacros|-iquote|-isystem|-idirafter|-iprefix|-iwithprefix|-I-$|-nostdinc)/;

/**
 * The text every object's key hashes for `cc args` run in `dir` (its C source among `args`): each
 * project file it can read, with its content's hash, and the system headers' fingerprint; null when
 * the compile cannot be followed without preprocessing it.
 */
export function compileInputs(ccPath: string, args: string[], dir: string): string | null {
  const sources = args.filter((a, i) => a.endsWith(".c") && args[i - 1] !== "-o");
  if (sources.length !== 1 || args.some((a) => UNFOLLOWED.test(a))) return null;
  const searchDirs = includeDirs(args).map((d) => resolve(dir, d));
  const read = new Map<string, string>();
  const pending = [resolve(dir, sources[0]!)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (read.has(file)) continue;
    const text = readFileSync(file, "utf8");
    if (/\b__has_include/.test(text)) return null;
    read.set(file, text);
    for (const [, kind, rest] of text.matchAll(DIRECTIVE)) {
      const m = /^(?:"([^"]+)"|<([^>]+)>)/.exec(rest!);
      if (kind !== "include" || !m) return null;
      const name = (m[1] ?? m[2])!;
      if (isAbsolute(name)) return null;
      const found = [...(m[1] !== undefined ? [dirname(file)] : []), ...searchDirs].map((d) => join(d, name)).find((f) => existsSync(f));
      // Not in the project: a system header (the fingerprint covers it), or missing, which fails the compile
      // if the line is not under a false #if; a file that appears later changes the scan or the fingerprint.
      if (found !== undefined) pending.push(found);
    }
  }
  const files = [...read].map(([file, text]) => `${relative(dir, file)} ${sha256(text)}`).sort();
  return [...files, `system ${systemHeaders(ccPath, args, dir)}`].join("\n");
}

/** The -I folders of `args`, in order (both -Idir and -I dir). */
function includeDirs(args: string[]): string[] {
  return args.flatMap((a, i) => (a === "-I" ? [args[i + 1]!] : a.startsWith("-I") ? [a.slice(2)] : []));
}

const fingerprints = new Map<string, string>();

/** The fingerprint of the system headers `cc` searches with `args` (memoised per process). */
function systemHeaders(ccPath: string, args: string[], dir: string): string {
  const flags = args.filter((a, i) => !NO_SEARCH_EFFECT.test(a) && !a.endsWith(".c") && !a.endsWith(".o") && a !== "-o" && args[i - 1] !== "-o");
  const id = JSON.stringify([ccPath, flags]);
  let fingerprint = fingerprints.get(id);
  if (fingerprint === undefined) {
    const r = spawnSync(ccPath, [...flags, "-E", "-v", "-x", "c", "/dev/null"], { cwd: dir, encoding: "utf8" });
    // GCC lists its search after -E -v; tcc says nothing there, and lists it under "include:" for -vv,
    // which it answers only without an input or a -I (the -I folders are the project's, followed above).
    let search = /#include <\.\.\.> search starts here:\n([\s\S]*?)End of search list\./.exec(r.stderr)?.[1];
    const vv = (): string => spawnSync(ccPath, [...flags.filter((f) => !f.startsWith("-I")), "-vv"], { cwd: dir, encoding: "utf8" }).stdout ?? "";
    search ??= /^include:\n((?:[ \t]+\S.*\n)*)/m.exec(vv())?.[1] ?? "";
    const folders = search.split("\n").map((l) => l.trim()).filter((l) => isAbsolute(l) && !resolve(l).startsWith(resolve(dir)));
    const hash = sha256(folders.map((f) => `${f}\n${listing(f)}`).join("\n"));
    fingerprint = r.status === 0 && folders.length > 0 ? hash : `unknown ${Date.now()}`; // an unreadable search never matches
    fingerprints.set(id, fingerprint);
  }
  return fingerprint;
}

/** Every file under `folder`, recursively: path, size and modification time, one a line. */
function listing(folder: string): string {
  const lines: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else {
        try {
          const s = statSync(path);
          lines.push(`${path} ${s.size} ${s.mtimeMs}`);
        } catch {
          lines.push(`${path} -`);
        }
      }
    }
  };
  walk(folder);
  return lines.join("\n");
}
