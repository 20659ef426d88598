/**
 * How the literal pieces of firmware messages are stored.
 *
 * asc stores every string literal as UTF-16 behind a 20-byte object header,
 * so the text of a panic message costs more than twice its length in flash.
 * The runtime and the HAL write their messages from `Text` handles
 * (src/runtime/text.ts): `textOf("…")` is a handle, `textPut(t)` writes one,
 * and `textLiteral("…")` is short for `textPut(textOf("…"))`. Before asc reads
 * a file, `packTextLiterals` replaces each `textOf` / `textLiteral` call on a
 * plain string literal by the handle the board uses:
 *
 * - inline (every board by default): the literal's UTF-8 after a 2-byte
 *   little-endian length, as static data; `textPut` copies the bytes.
 *   (`textLiteral` calls become calls of `__outpost_text_put`, `textPut`'s
 *   global name, so no file needs an import for them.)
 *
 *     textLiteral("cannot spawn task \"")
 *       → __outpost_text_put(memory.data<u8>([19,0,99,97,110,…,34]))
 *
 * - deferred (boards with `build.deferText`, the interpreter boards): the
 *   literal's index in a table that stays on the host, as defmt does for
 *   Rust firmware. `textPut` writes three bytes, 0xFF and the index
 *   (little-endian u16); 0xFF never occurs in UTF-8, so a host expands the
 *   reference wherever it meets one (src/contract/deferred-text.ts). `outpost build`
 *   writes the table next to the .wasm (build/blinky.text.json).
 *
 *     textLiteral("cannot spawn task \"") → __outpost_text_put(7)
 *
 * `log.error/warn/info/debug("…")` on a literal, in a file that imports `log`
 * from "outpost", becomes `__outpost_log_text(level, handle)` the same way,
 * so a firmware's log lines are stored once, as UTF-8 or on the host.
 *
 * The rewrite stays on the call's line, so asc's diagnostics keep their
 * line numbers. A call whose argument is not a lone string literal in double
 * quotes (or whose escapes this file does not decode) is left as it is:
 * `textLiteral(s)` then writes `s` with `textString` at run time, and
 * `textOf(s)` fails to compile with a message saying why.
 */

/** The deferred literals of one build: index → text. */
export class TextTable {
  readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The literal's index, added on first use. */
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      if (id > 0xffff) throw new Error("more than 65,536 distinct message literals in one firmware");
      this.ids.set(text, id);
      this.texts.push(text);
    }
    return id;
  }
}

// Free function calls only, not `x.textOf(` or `mytextOf(`.
const CALL = /(?<![\w$.])(textLiteral|textOf)\(("(?:[^"\\\n]|\\.)*")\)/g;
const LOG_CALL = /(?<![\w$.])log\.(error|warn|info|debug)\(("(?:[^"\\\n]|\\.)*")\)/g;
const IMPORTS_LOG = /import\s*\{[^}]*\blog\b[^}]*\}\s*from\s*"outpost"/;
const LOG_LEVEL: Record<string, number> = { error: 1, warn: 2, info: 3, debug: 4 }; // LogLevel in src/runtime/log.ts

/** `source` with every `textOf("…")` and `textLiteral("…")` call on a literal rewritten as above; deferred when `table` is given. */
export function packTextLiterals(source: string, table: TextTable | null = null): string {
  let packed = source;
  if (packed.includes("text")) {
    packed = packed.replace(CALL, (call, fn: string, literal: string) => {
      const handle = handleOf(literal, table);
      if (handle === null) return call;
      return fn === "textOf" ? handle : `__outpost_text_put(${handle})`;
    });
  }
  if (packed.includes("log.") && IMPORTS_LOG.test(packed)) {
    packed = packed.replace(LOG_CALL, (call, level: string, literal: string) => {
      const handle = handleOf(literal, table);
      return handle === null ? call : `__outpost_log_text(${LOG_LEVEL[level]}, ${handle})`;
    });
  }
  return packed;
}

/** The handle of a double-quoted literal as the board stores it, or null when it is left to asc. */
function handleOf(literal: string, table: TextTable | null): string | null {
  let text: string;
  try {
    text = JSON.parse(literal) as string; // the escapes firmware messages use (\" \\ \n \uXXXX) are JSON's
  } catch {
    return null;
  }
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > 0xffff) return null;
  return table ? String(table.id(text)) : `memory.data<u8>([${[bytes.length & 0xff, bytes.length >> 8, ...bytes].join(",")}])`;
}
