/**
 * Line-preserving output: the lowered file keeps every original line on its
 * line number, so asc's diagnostics and runtime abort locations point at
 * what the user wrote.
 *
 * Output is a list of pieces. A piece may carry an anchor (an offset in the
 * original text); before an anchored piece the writer adds newlines until
 * the output has reached the anchor's line. Generated text never contains
 * newlines and original text is emitted at most once, so the output can
 * only fall behind the original (and is padded back), never run ahead.
 *
 * Splicing: `splice(node, visit)` copies a node's original text, replacing
 * the descendants for which `visit` returns a string. A replacement keeps
 * the newlines of the text it replaces (see `keepNewlines`).
 */
import ts from "typescript";

export class Out {
  private pieces: Array<{ text: string; anchor?: number }> = [];
  /** Appends text; with an anchor, padding first keeps lines aligned. */
  add(text: string, anchor?: number): void {
    if (text !== "" || anchor !== undefined) this.pieces.push({ text, anchor });
  }
  /** Appends another output's pieces. */
  append(o: Out): void {
    this.pieces.push(...o.pieces);
  }
  /** Renders with `lineOf` mapping original offsets to 0-based lines. `startLine` is the line the output begins on. */
  render(lineOf: (pos: number) => number, startLine: number): string {
    let line = startLine;
    let s = "";
    for (const p of this.pieces) {
      if (p.anchor !== undefined) {
        const want = lineOf(p.anchor);
        if (want > line) {
          s += "\n".repeat(want - line);
          line = want;
        }
      }
      s += p.text;
      for (let i = p.text.indexOf("\n"); i >= 0; i = p.text.indexOf("\n", i + 1)) line++;
    }
    return s;
  }
}

/** The newlines of `text`, as the only characters (to blank out removed source). */
export function keepNewlines(text: string): string {
  return text.replace(/[^\n]/g, "");
}

export type Visit = (n: ts.Node) => string | undefined;

/**
 * Original text of `node` (from its first token up to `end`, its end unless
 * given) with replacements from `visit` applied to the descendants before `end`.
 */
export function splice(node: ts.Node, sf: ts.SourceFile, visit: Visit, end = node.end): string {
  const text = sf.text;
  let out = "";
  let at = node.getStart(sf);
  node.forEachChild((child) => {
    const cs = child.getStart(sf);
    if (child.end <= at || child.end > end) return;
    const part = rewrite(child, sf, visit);
    if (part === text.slice(cs, child.end)) return;
    out += text.slice(at, cs) + part;
    at = child.end;
  });
  return out + text.slice(at, end);
}

/** Like `splice`, but also offers `node` itself to `visit`. */
export function rewrite(node: ts.Node, sf: ts.SourceFile, visit: Visit): string {
  const own = visit(node);
  return own !== undefined ? own : splice(node, sf, visit);
}
