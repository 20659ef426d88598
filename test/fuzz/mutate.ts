/**
 * Seeded mutations of user inputs, for the fuzz tests in this folder: the
 * same seed always gives the same mutant, so a failure names a seed that
 * reproduces it.
 *
 *   mutateText   scenario YAML and board.json as text: lines dropped,
 *                repeated or swapped, characters flipped, and tokens that
 *                have broken parsers before spliced in (YAML aliases,
 *                anchors, merge keys, tags, prototype names such as
 *                `constructor` and `__proto__`, huge and negative numbers,
 *                odd types)
 *   mutateJson   board.json as a value: a field deleted, retyped, renamed
 *                to a prototype name or set to an extreme
 *   mutateBytes  a .wasm: bytes flipped, set, inserted, deleted or a run
 *                duplicated; or, in the code, one byte changed so that the
 *                module keeps its shape
 */
import { xorshift32 } from "../../bench/lib.ts";

export type Random = () => number;

/** A PRNG for `seed` returning [0, 1). */
export function random(seed: number): Random {
  const next = xorshift32((seed * 2654435761) ^ 0x9e3779b9);
  next();
  return () => next() / 2 ** 32;
}

const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const int = (r: Random, n: number): number => Math.floor(r() * n);

/** Tokens spliced into text: what YAML and JSON readers have tripped over. */
export const HOSTILE_TOKENS = [
  "&a ", "*a", "*undefined_alias", "<<: *a", "<<: {x: 1}", "!!binary ", "!!js/function ", "!!map ", "!!str ", "? ", "- ", ": ",
  "constructor", "__proto__", "toString", "hasOwnProperty", "prototype", "valueOf", "null", "~", "true", "yes", "0x1F", "-1",
  "1e309", "-0", "NaN", ".inf", "99999999999999999999", "4294967296", "2147483648", "1.5", "''", '""', "{}", "[]", "[[[", "{{",
  "\t", "\r", "\u0000", "\u{1F600}", "%YAML 1.2\n---\n", "---\n", "...\n", "#", "|", ">", "\\", '"', "'", "\n", "  ", "@", "`",
];

export function mutateText(text: string, r: Random): string {
  let lines = text.split("\n");
  const rounds = 1 + int(r, 3);
  for (let k = 0; k < rounds; k++) {
    const i = int(r, lines.length);
    const line = lines[i] ?? "";
    switch (int(r, 8)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, line);
        break;
      case 2: {
        const j = int(r, lines.length);
        [lines[i], lines[j]] = [lines[j]!, line];
        break;
      }
      case 3: {
        const at = int(r, line.length + 1);
        lines[i] = line.slice(0, at) + pick(r, HOSTILE_TOKENS) + line.slice(at);
        break;
      }
      case 4: {
        // a value replaced: what follows the first ": " on the line
        const colon = line.indexOf(": ");
        lines[i] = colon >= 0 ? `${line.slice(0, colon + 2)}${pick(r, HOSTILE_TOKENS)}` : line;
        break;
      }
      case 5: {
        // a key replaced: an identifier before ":" becomes a prototype name
        lines[i] = line.replace(/[A-Za-z_][\w-]*(?="?\s*:)/, pick(r, ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"]));
        break;
      }
      case 6: {
        const at = int(r, line.length + 1);
        lines[i] = line.slice(0, at) + String.fromCharCode(int(r, 128)) + line.slice(at + 1);
        break;
      }
      default:
        lines = lines.slice(0, int(r, lines.length + 1));
    }
  }
  return lines.join("\n");
}

const ODD_VALUES: unknown[] = [
  null, true, false, 0, -1, -0.5, 1.5, 1e308, -1e308, 2 ** 31, 2 ** 32, 2 ** 53, "", "x", "constructor", "__proto__", [], [1], {}, { a: 1 },
];

/** A deep copy of `value` with one field deleted, retyped, renamed or set to an extreme. */
export function mutateJson(value: unknown, r: Random): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(copy, []);
  const path = pick(r, paths.slice(1));
  if (!path) return copy;
  const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
  const key = path.at(-1)!;
  switch (int(r, 4)) {
    case 0:
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 1:
      parent[key] = pick(r, ODD_VALUES);
      break;
    case 2:
      if (!Array.isArray(parent)) {
        const v = parent[key];
        delete parent[key];
        Object.defineProperty(parent, pick(r, ["constructor", "__proto__", "toString", "valueOf", ""]), { value: v, enumerable: true, writable: true, configurable: true });
      }
      break;
    default:
      parent[key] = typeof parent[key] === "number" ? pick(r, [-1, 0, 2 ** 31, 1e9, 0.5, -(2 ** 53)]) : pick(r, ODD_VALUES);
  }
  return copy;
}

/**
 * `bytes` with 1 to 4 byte-level edits. Given where the code section is,
 * half of the mutants instead change one byte in it to another below 0x80,
 * which keeps every length the same: a module that still loads, running
 * other constants, locals, branches or calls.
 */
export function mutateBytes(bytes: Uint8Array, r: Random, code?: { start: number; end: number }): Uint8Array {
  let out = Array.from(bytes);
  if (code && r() < 0.5) {
    const at = code.start + int(r, code.end - code.start);
    if (out[at]! < 0x80) out[at] = (out[at]! ^ (1 + int(r, 0x7f))) & 0x7f;
    return Uint8Array.from(out);
  }
  const edits = 1 + int(r, 4);
  for (let k = 0; k < edits; k++) {
    const at = 8 + int(r, Math.max(1, out.length - 8));
    switch (int(r, 6)) {
      case 0:
        out[at] = (out[at] ?? 0) ^ (1 << int(r, 8));
        break;
      case 1:
        out[at] = pick(r, [0x00, 0x01, 0x0b, 0x0c, 0x0d, 0x10, 0x20, 0x41, 0x42, 0x7f, 0x80, 0xff]);
        break;
      case 2:
        out.splice(at, 0, int(r, 256));
        break;
      case 3:
        out.splice(at, 1);
        break;
      case 4: {
        const n = 1 + int(r, 16);
        out.splice(at, 0, ...out.slice(at, at + n));
        break;
      }
      default:
        out = out.slice(0, at);
    }
  }
  return Uint8Array.from(out);
}
