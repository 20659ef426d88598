/**
 * Keeps asc's parse of each file for the next build in this process.
 *
 * Every build parses AssemblyScript's standard library (some 90 files) and
 * Outpost's runtime again, which is a third of a warm build. A parse is a
 * function of the file's text, its path and whether it is an entry, so a
 * later build handed the same three reuses the syntax tree instead: its
 * Source goes into the new program as the parser would have put it, and
 * what parsing it told the parser (the files it imports, who imports them,
 * which it re-exports) is told again, in the same order, against the new
 * build's parser state. Files whose parse reported anything are never kept.
 *
 * The tree is shared between builds, so what a build writes on it must be
 * per build: the one such field, a source's debug-info index, is cleared
 * as each compile starts (compiling is synchronous, so builds running
 * concurrently in one process never see each other's). Installed by
 * compile.ts once per process; OUTPOST_PARSE_CACHE=off leaves asc as it is.
 */
import type { Compiler, Parser, Source } from "assemblyscript";
import { compiler } from "../../tools/assemblyscript.mjs";

interface Parsed {
  source: Source;
  /** In order, each path the parse queued, the importer it recorded, and whether it also marked it seen (a re-export). */
  queued: [path: string, dependee: unknown, seen: boolean][];
}

/** What a parser holds that parseFile reads and writes (not in asc's typings). */
interface ParserState {
  backlog: string[];
  seenlog: Set<string>;
  donelog: Set<string>;
  dependees: Map<string, unknown>;
  sources: Source[];
  currentSource: Source | null;
  currentModuleName: string | null;
  diagnostics: unknown[];
}

const kept = new Map<string, Parsed>();
/** Bounds the memory a long --watch session holds: a firmware's worth of files many times over. */
const MAX_FILES = 2000;
let installed = false;

/** Forgets every kept parse: the next build parses every file again (tests compare the two). */
export function clearParseCache(): void {
  kept.clear();
}

export function installParseCache(): void {
  if (installed || process.env.OUTPOST_PARSE_CACHE === "off") return;
  installed = true;
  const parse = compiler.Parser.prototype.parseFile;
  compiler.Parser.prototype.parseFile = function (this: Parser & ParserState, text: string | null, path: string, isEntry: boolean): void {
    if (text === null) return parse.call(this, text, path, isEntry);
    const key = `${isEntry ? "entry" : "file"}\0${path}\0${text}`;
    const hit = kept.get(key);
    if (hit) return replay(this, hit);
    const real = { backlog: this.backlog, seenlog: this.seenlog, dependees: this.dependees };
    const sources = this.sources.length;
    const diagnostics = this.diagnostics.length;
    // Parse against empty bookkeeping, so every import is recorded whatever this build had seen before.
    this.backlog = [];
    this.seenlog = new Set();
    this.dependees = new Map();
    try {
      parse.call(this, text, path, isEntry);
    } finally {
      const parsed: Parsed = {
        source: this.sources[sources]!,
        queued: this.backlog.map((p) => [p, this.dependees.get(p), this.seenlog.has(p)]),
      };
      Object.assign(this, real);
      // Unless parseFile returned at once (parsed before in this build): the file is seen, and its imports told.
      if (this.sources.length > sources) {
        this.seenlog.add(parsed.source.internalPath);
        tell(this, parsed);
        if (this.diagnostics.length === diagnostics) {
          if (kept.size >= MAX_FILES) kept.clear();
          kept.set(key, parsed);
        }
      }
    }
  } as typeof parse;

  const compile = compiler.Compiler.prototype.compile;
  compiler.Compiler.prototype.compile = function (this: Compiler & { program: { sources: Source[] } }) {
    for (const source of this.program.sources) (source as Source & { debugInfoIndex: number }).debugInfoIndex = -1;
    return compile.call(this);
  } as typeof compile;
}

/** What parseFile does for a file it has parsed before, with the kept tree. */
function replay(parser: ParserState, parsed: Parsed): void {
  const path = parsed.source.internalPath;
  if (parser.donelog.has(path)) return;
  parser.donelog.add(path);
  parser.seenlog.add(path);
  parser.sources.push(parsed.source);
  parser.currentSource = parsed.source;
  parser.currentModuleName = null;
  tell(parser, parsed);
}

/** The imports and re-exports of a parsed file, told to `parser` as parsing them would have. */
function tell(parser: ParserState, parsed: Parsed): void {
  for (const [p, dependee, seen] of parsed.queued) {
    if (parser.seenlog.has(p)) continue;
    parser.dependees.set(p, dependee);
    parser.backlog.push(p);
    if (seen) parser.seenlog.add(p);
  }
}
