/**
 * asc's diagnostics, as a user should read them. asc compiles the lowered
 * text of async code (src/toolchain/lower/), which keeps every line on its
 * line but not every column, and names things the user never wrote
 * (`$f.count`, `blink$Task`). For a diagnostic in such a line this shows
 * the user's own line instead, moves the column to the same words in it,
 * and writes generated names as the user's (`$f.count` → `count`,
 * `Led$blink` → `Led.blink`), so an error in async code reads like one in
 * sync code:
 *
 *   ERROR TS2322: Type 'i32' is not assignable to type '~lib/string/String'.
 *      :
 *    4 │ let s: string = n;
 *      │                 ~
 *      └─ in bad1.ts(4,19)
 *
 * Outpost's own files are named by their repository path rather than asc's
 * `~lib/outpost/…`.
 */
import { libraryFileLabel } from "./packages.ts";

/** Reads the original text of a file as asc names it (relative to the build's base directory, or a repository path). */
export type OriginalSource = (file: string) => string | null;

/** asc's "Not implemented: Closures", said the user's way. */
const CLOSURES =
  "AssemblyScript functions cannot read the local variables of the function around them; pass what it reads as a parameter, or declare it at module level (an async arrow inside async code may: Outpost lowers it)";

const BLOCK = /^(ERROR|WARNING) ([A-Z]+\d+): (.*)\n( *):\n( *)(\d+) │ (.*)\n( *)│ ( *)(~+)\n( *)└─ in (.+)\((\d+),(\d+)\)$/gm;

/** The line of a file's source that a lowered line was written on, when the lowering moved it (a closure's state machine); else null. */
export type MovedLine = (file: string, line: number) => number | null;

export function cleanDiagnostics(text: string, original: OriginalSource = () => null, moved: MovedLine = () => null): string {
  return text
    // A module asc could not find a name in is the one the user imported (`Module 'outpost/hal' has no exported member …`).
    .replace(/Module '~lib\/(outpost(?:\/[\w/$.-]*)?)'/g, "Module '$1'")
    .replace(/~lib\/outpost\/[\w/$.-]*[\w$]/g, (name) => libraryFileLabel(name) ?? name)
    .replace(/^FAILURE .*$/gm, "")
    // What to write instead, in sync code and async alike (async arrows inside async code may capture: the lowering makes them classes).
    .replace(/^(ERROR AS100: Not implemented: Closures)$/gm, `$1: ${CLOSURES}`)
    .replace(BLOCK, (all, kind, code, message, c1, n1, line, shown, c2, pad, marks, c3, file, lineNo, col) => {
      const movedTo = moved(file, Number(lineNo));
      const userNo = String(movedTo ?? lineNo);
      const user = original(file)?.split("\n")[Number(userNo) - 1];
      if (user === undefined) return generated(shown) ? all.replace(message, demangle(message)) : all;
      // A line the lowering left as the user wrote it. Any other was rewritten: its own code, or the
      // imports the lowering puts at the start of line 1 (`import { Timer, Bad } from "outpost"` there).
      if (movedTo === null && user.trimEnd() === shown.trimEnd()) return all;
      // Where the marks start in the shown line: both lines have their own gutter before the text.
      const start = c2.length + 2 + pad.length - (n1.length + line.length + 3);
      // asc marks the frame itself (`$f`) when the error is about what is read through it, as a
      // sync closure capturing `$f.k` (AS100): the user's word is `k`.
      const through = marks.length === 2 ? /^\$f(?:\.\$env)*\.[\w$]+/.exec(shown.slice(start)) : null;
      const marked = through ? through[0] : shown.slice(start, start + marks.length);
      const words = demangle(marked).trim();
      const indent = user.length - user.trimStart().length;
      // Where the words should be: the demangled text before them, on the user's indentation.
      const before = demangle(shown.slice(0, start));
      const expected = indent + before.trimStart().length;
      const found = words ? occurrences(user, words) : [];
      // The occurrence the same text leads up to (`x + k + j` against `…, j`), else the nearest.
      const score = (i: number) => [sharedEnd(before, user.slice(0, i)), -Math.abs(i - expected)] as const;
      const at = found.length ? found.reduce((a, b) => {
        const [sa, da] = score(a), [sb, db] = score(b);
        return sb > sa || (sb === sa && db > da) ? b : a;
      }) : indent;
      const width = found.length ? words.length : 1;
      // asc's gutter fits its line number; a moved line's number is the user's, of its own width.
      const gutter = userNo === lineNo ? c1 : " ".repeat(userNo.length + 2);
      return [
        `${kind} ${code}: ${demangle(message)}`,
        `${gutter}:`,
        `${userNo === lineNo ? n1 : " "}${userNo} │ ${user}`,
        `${gutter}│ ${" ".repeat(at)}${"~".repeat(width)}`,
        `${gutter}└─ in ${file}(${userNo},${at + 1})`,
      ].join("\n");
    })
    .trim();
}

/** Positions of `words` in `line` that do not start or end inside an identifier. */
function occurrences(line: string, words: string): number[] {
  const out: number[] = [];
  const ident = /[\w$]/;
  for (let i = line.indexOf(words); i >= 0; i = line.indexOf(words, i + 1)) {
    const before = line[i - 1], after = line[i + words.length];
    if ((before && ident.test(before) && ident.test(words[0]!)) || (after && ident.test(after) && ident.test(words[words.length - 1]!))) continue;
    out.push(i);
  }
  return out;
}

/** How many characters `a` and `b` end with in common. */
function sharedEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Code the lowering wrote: frame accesses and generated names. */
function generated(line: string): boolean {
  return /\$f\.|\$state|\$\w+\$|\w\$(Future|Task|Gen|Fn|poll|frame)\b/.test(line);
}

/** Generated names as the user wrote them. */
export function demangle(text: string): string {
  return text
    .replace(/\$f\.(\$env\.)*/g, "")
    .replace(/\$f\b/g, "this call")
    .replace(/\b(\w+)\$(Future|Task|Gen|Fn|Spawner)\b/g, "$1")
    .replace(/\b(\w*)\$fn\d+(\$Future)?\b/g, (_m, name: string) => (name ? name : "async arrow"))
    .replace(/\b([A-Z]\w*)\$(\w+?)(\$poll|\$frame)?\b/g, "$1.$2");
}
