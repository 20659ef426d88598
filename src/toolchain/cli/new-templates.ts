/**
 * The files `outpost new` writes, as functions of the project's name, board
 * and the path of this Outpost package. Kept together so the scaffold reads
 * as one project: a blinky firmware written like examples/blinky, a test
 * that runs it in the simulator, a scenario, and the glue to build, run and
 * edit them.
 */
import { readFileSync } from "node:fs";
import { type Board, pinNames } from "../../contract/boards.ts";

/**
 * examples/blinky/main.ts, renamed for the project and its board's LED:
 * the scaffold starts from the same firmware `npm start` runs here.
 */
function blinkyFor(p: ProjectSpec): string {
  const blinky = readFileSync(new URL("../../../examples/blinky/main.ts", import.meta.url), "utf8");
  return blinky
    .replace(/^\/\/ Blinky: /, "// ")
    .replace(/\bLED1\b/g, p.led)
    .replace(/"blinky: /g, `"${p.name}: `);
}

export interface ProjectSpec {
  /** npm package name. */
  name: string;
  board: Board;
  /** Absolute path of the Outpost package the project depends on. */
  outpost: string;
  /** The pin main.ts blinks. */
  led: string;
}

export function projectFiles(p: ProjectSpec): Record<string, string> {
  const board = p.board.name;
  return {
    "package.json": JSON.stringify(
      {
        name: p.name,
        version: "0.1.0",
        private: true,
        type: "module",
        scripts: {
          build: `outpost build main.ts --board ${board} -o build/firmware.wasm`,
          start: `outpost sim main.ts --board ${board} --for 5s`,
          scenario: `outpost sim main.ts --scenario scenario.yaml`,
          test: "node --import outpost/tools/register.mjs test/main.test.ts",
        },
        dependencies: { outpost: `file:${p.outpost}` },
      },
      null,
      2,
    ) + "\n",
    "main.ts": blinkyFor(p),
    "test/main.test.ts": `// Builds main.ts and runs it in Outpost's simulator, in virtual time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { buildFirmware } from "outpost/src/toolchain/index.ts";
import { Simulator } from "outpost/sim/index.ts";

const entry = fileURLToPath(new URL("../main.ts", import.meta.url));

test("${p.led} toggles every 500 ms", async () => {
  const sim = await Simulator.load(await buildFirmware(entry, { board: "${board}" }), { board: "${board}" });
  sim.runFor("2s");
  assert.equal(sim.panic, null);
  assert.deepEqual(sim.pin("${p.led}").history.map((change) => change.at), [0, 500_000, 1_000_000, 1_500_000, 2_000_000]);
});
`,
    "scenario.yaml": `# npm run scenario: outpost sim checks ${p.led} in virtual time (docs/scenarios.md in Outpost).
name: ${p.led} blinks
version: 1
board: ${board}
steps:
  - expect-pin: { pin: ${p.led}, level: 1 }
  - delay: 500ms
  - expect-pin: { pin: ${p.led}, level: 0 }
  - delay: 500ms
  - expect-pin: { pin: ${p.led}, level: 1 }
`,
    "tsconfig.json": JSON.stringify(
      {
        extends: "./node_modules/outpost/node_modules/assemblyscript/std/assembly.json",
        compilerOptions: {
          baseUrl: ".",
          paths: {
            outpost: ["./node_modules/outpost/src/runtime/index.ts"],
            "outpost/hal": ["./node_modules/outpost/hal/index.ts"],
            "outpost/drivers/*": ["./node_modules/outpost/hal/drivers/*"],
            "outpost/*": ["./node_modules/outpost/src/runtime/*"],
          },
        },
        include: ["main.ts", "board.d.ts", "node_modules/outpost/src/runtime/globals.d.ts"],
      },
      null,
      2,
    ) + "\n",
    "board.d.ts": boardTypes(p.board),
    ".gitignore": "node_modules/\nbuild/\n",
    "README.md": `# ${p.name}

Firmware for Outpost board \`${board}\`: ${p.led} blinks every 500 ms.

\`\`\`sh
npm install        # links Outpost from ${p.outpost}
npm test           # builds main.ts and checks it in the simulator (test/main.test.ts)
npm start          # runs it for 5 s of virtual time: pin changes and logs on stderr
npm run scenario   # runs scenario.yaml against it
npm run build      # writes build/firmware.wasm and prints its size
\`\`\`

- \`main.ts\` is the firmware (AssemblyScript): a task is an async function
  declared with \`task(poolSize, fn)\`, and \`main()\` spawns it, handing it
  the peripherals it uses.
- \`test/main.test.ts\` loads the build into \`Simulator\` and checks what the
  pins did, to the microsecond.
- \`tsconfig.json\` and \`board.d.ts\` are for the editor only; \`outpost build\`
  generates the real \`outpost/board\` module for the board it builds for.
`,
  };
}

/** Editor declarations of `outpost/board` for `board`: one constant per pin name, alias and UART. */
function boardTypes(board: Board): string {
  const names = [...pinNames(board), ...Object.keys(board.uarts), "CONSOLE_UART"];
  return [
    `// The names "outpost/board" exports for board "${board.name}", for the editor.`,
    `declare module "outpost/board" {`,
    `  export const BOARD_NAME: string;`,
    ...names.map((n) => `  export const ${n}: i32;`),
    ...Object.keys(board.buttons).map((n) => `  export const ${n}_ACTIVE_LOW: bool;`),
    `}`,
    "",
  ].join("\n");
}
