/**
 * What a board.json may say, and the check every board passes before any
 * tool uses it. Two layers:
 *
 *   the schema   BOARD_SCHEMA, a JSON Schema (2020-12): fields, types,
 *                ranges. boards/board.schema.json is the same text for
 *                editors and readers (test/fuzz/board.test.ts keeps them
 *                equal); `schemaProblem` checks the subset of JSON Schema
 *                it uses (type, enum, required, properties,
 *                additionalProperties, propertyNames, pattern, minLength,
 *                minimum, maximum, minProperties)
 *   the names    `namesProblem`: the folder's name, aliases onto pins, LEDs,
 *                buttons and UART pins that exist, one console UART,
 *                distinct pin and port numbers, an Espruino device per UART
 *
 * `checkBoard` returns the first problem as one phrase naming the field
 * ("uarts.UART0.port must be at least 0, found -1"), or null. Keys are
 * read as own properties only, so "constructor" or "__proto__" in a file
 * is a name like any other, never the prototype's.
 */

type Schema = {
  type?: "object" | "string" | "integer" | "number" | "boolean";
  enum?: readonly string[];
  required?: readonly string[];
  properties?: Readonly<Record<string, Schema>>;
  additionalProperties?: false | Schema;
  propertyNames?: { pattern: string };
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  minProperties?: number;
  description?: string;
  title?: string;
  $schema?: string;
};

const NAME = { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" };
const FLAG: Schema = { type: "boolean" };

export const BOARD_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Outpost board description (boards/<name>/board.json)",
  description:
    "What exists on the bench and the firmware's budget. Outpost checks every board.json against this schema (src/contract/board-schema.ts), then that every name it uses exists. boards/README.md explains each field.",
  type: "object",
  required: ["name", "description", "family", "clockHz", "flash", "ram", "pins"],
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    name: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$", description: "the folder's name" },
    description: { type: "string", minLength: 1 },
    family: { enum: ["sim", "wasm", "espruino", "native"] },
    engine: { type: "string" },
    clockHz: { type: "integer", minimum: 1 },
    flash: { type: "integer", minimum: 0 },
    ram: { type: "integer", minimum: 0 },
    build: {
      type: "object",
      additionalProperties: false,
      properties: { mvp: FLAG, small: FLAG, quick: FLAG, stack: { type: "integer", minimum: 0 }, deferText: FLAG, release: FLAG },
    },
    pins: { type: "object", minProperties: 1, propertyNames: NAME, additionalProperties: { type: "integer", minimum: 0, maximum: 65535 } },
    aliases: { type: "object", propertyNames: NAME, additionalProperties: { type: "string" } },
    leds: {
      type: "object",
      additionalProperties: { type: "object", required: ["activeLow"], additionalProperties: false, properties: { activeLow: FLAG } },
    },
    buttons: {
      type: "object",
      additionalProperties: {
        type: "object",
        required: ["activeLow", "bounceMs"],
        additionalProperties: false,
        properties: { activeLow: FLAG, bounceMs: { type: "number", minimum: 0, maximum: 1000 } },
      },
    },
    uarts: {
      type: "object",
      propertyNames: NAME,
      additionalProperties: {
        type: "object",
        required: ["port", "tx", "rx", "rxFifo", "txFifo"],
        additionalProperties: false,
        properties: {
          port: { type: "integer", minimum: 0, maximum: 255 },
          tx: { type: "string" },
          rx: { type: "string" },
          rxFifo: { type: "integer", minimum: 1, maximum: 1048576 },
          txFifo: { type: "integer", minimum: 1, maximum: 1048576 },
          console: FLAG,
        },
      },
    },
    espruino: {
      type: "object",
      required: ["board", "jsVars", "serial"],
      additionalProperties: false,
      properties: {
        board: { type: "string", minLength: 1 },
        jsVars: { type: "integer", minimum: 1 },
        jsVarsSource: { type: "string" },
        jsVarBytes: { type: "integer", minimum: 12, maximum: 16 },
        serial: { type: "object", additionalProperties: { type: "string", minLength: 1 } },
        unicode: FLAG,
      },
    },
    native: { type: "object", description: "family native: how the image is built and run (boards/native/)" },
  },
} as const satisfies Schema;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  if (isObject(v)) return "an object";
  return JSON.stringify(v) ?? String(v);
}

const A: Record<string, string> = { object: "an object", string: "text", integer: "a whole number", number: "a number", boolean: "true or false" };

/** The first way `value` (at `path`, "" for the top) breaks `schema`. */
function schemaProblem(value: unknown, schema: Schema, path: string): string | null {
  const at = path || "the board";
  const t = schema.type;
  const wrongType =
    (t === "object" && !isObject(value)) ||
    (t === "string" && typeof value !== "string") ||
    (t === "boolean" && typeof value !== "boolean") ||
    (t === "number" && (typeof value !== "number" || !Number.isFinite(value))) ||
    (t === "integer" && !Number.isSafeInteger(value));
  if (wrongType) return `${at} must be ${A[t!]}, found ${show(value)}`;
  if (schema.enum && !schema.enum.includes(value as string)) return `${at} must be one of ${schema.enum.join(", ")}, found ${show(value)}`;
  if (typeof value === "string") {
    if (schema.minLength !== undefined && value.length < schema.minLength) return `${at} must not be empty`;
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) return `${at} ${show(value)} must match ${schema.pattern}`;
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) return `${at} must be at least ${schema.minimum}, found ${value}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `${at} must be at most ${schema.maximum}, found ${value}`;
  }
  if (!isObject(value)) return null;
  const keys = Object.keys(value);
  for (const key of schema.required ?? []) if (!Object.hasOwn(value, key)) return `${path ? `${path}.` : ""}${key} is missing`;
  if (schema.minProperties !== undefined && keys.length < schema.minProperties) return `${at} must not be empty`;
  for (const key of keys) {
    const where = path ? `${path}.${key}` : key;
    if (schema.propertyNames && !new RegExp(schema.propertyNames.pattern).test(key)) return `${at} has the name ${show(key)}, which is not a name (letters, digits, _)`;
    const sub = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : schema.additionalProperties;
    if (sub === false) return `unknown field ${show(key)} in ${at}`;
    if (sub === undefined) continue;
    const problem = schemaProblem(value[key], sub, where);
    if (problem) return problem;
  }
  return null;
}

/** The first name the board uses that it does not define (the schema has passed). */
function namesProblem(b: BoardShape, folder: string): string | null {
  if (b.name !== folder) return `name is "${b.name}" but the folder is "${folder}": they must be the same`;
  const pins = b.pins;
  const aliases = b.aliases ?? {};
  const isPin = (n: string): boolean => Object.hasOwn(pins, n) || Object.hasOwn(aliases, n);
  const byNumber = new Map<number, string>();
  for (const [name, n] of Object.entries(pins)) {
    const other = byNumber.get(n);
    if (other !== undefined) return `pins ${other} and ${name} both have number ${n}: name a pin once, and give it other names in aliases`;
    byNumber.set(n, name);
  }
  for (const [alias, target] of Object.entries(aliases)) {
    if (!Object.hasOwn(pins, target)) return `alias ${alias} names pin "${target}", which is not in pins`;
    if (Object.hasOwn(pins, alias)) return `alias ${alias} is also a pin's own name`;
  }
  for (const [what, table] of [["LED", b.leds], ["button", b.buttons]] as const) {
    for (const name of Object.keys(table ?? {})) if (!isPin(name)) return `${what} ${name} is not a pin or alias`;
  }
  const ports = new Map<number, string>();
  let consoles = 0;
  for (const [name, u] of Object.entries(b.uarts ?? {})) {
    for (const line of [u.tx, u.rx]) if (!isPin(line)) return `UART ${name} uses pin "${line}", which is not a pin or alias`;
    const other = ports.get(u.port);
    if (other !== undefined) return `UARTs ${other} and ${name} both have port ${u.port}`;
    ports.set(u.port, name);
    if (u.console) consoles++;
  }
  if (consoles > 1) return "more than one UART is marked console: mark one";
  if (b.family === "espruino") {
    if (!b.espruino) return 'family "espruino" needs an "espruino" section (board, jsVars, serial)';
    for (const name of Object.keys(b.uarts ?? {})) if (!Object.hasOwn(b.espruino.serial, name)) return `UART ${name} has no Espruino device in espruino.serial`;
  }
  return null;
}

/** What namesProblem reads, as the schema guarantees it. */
interface BoardShape {
  name: string;
  family: string;
  pins: Record<string, number>;
  aliases?: Record<string, string>;
  leds?: Record<string, unknown>;
  buttons?: Record<string, unknown>;
  uarts?: Record<string, { port: number; tx: string; rx: string; console?: boolean }>;
  espruino?: { serial: Record<string, string> };
}

/** The first problem of a parsed board.json from folder `folder`, as one phrase; null for a good board. */
export function checkBoard(json: unknown, folder: string): string | null {
  return schemaProblem(json, BOARD_SCHEMA, "") ?? namesProblem(json as BoardShape, folder);
}
