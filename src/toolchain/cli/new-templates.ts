/**
 * The files `outpost new` writes, as functions of the project's name, board
 * and how it depends on Outpost. Kept together so the scaffold reads as one
 * project: a blinky firmware written like examples/blinky, a uvu test that
 * runs it (and its scenario) in the simulator, and the glue to build, run
 * and edit them.
 *
 * The project uses Outpost only as an installed package would be used:
 * through node_modules/outpost (its `outpost` command, the `outpost/sim`,
 * `outpost/toolchain` and `outpost/register` entries of its package.json,
 * its typings under types/), never through a path into a repository. Its
 * tools (TypeScript, uvu, @types/node) are its own dev dependencies, at the
 * versions Outpost itself is tested with, locked (new-lockfile.ts).
 */
import { readFileSync } from "node:fs";
import { type Board, pinNames } from "../../contract/boards.ts";
import { repoRoot } from "../packages.ts";
import { projectLockfile } from "./new-lockfile.ts";

/**
 * examples/blinky/main.ts, renamed for the project and its board's LED:
 * the scaffold starts from the same firmware `npm start` runs here.
 */
function blinkyFor(p: ProjectSpec): string {
  const blinky = readFileSync(repoRoot + "examples/blinky/main.ts", "utf8");
  return blinky
    .replace(/^\/\/ Blinky: /, "// ")
    .replace(/\bLED1\b/g, p.led)
    .replace(/"blinky: /g, `"${p.name}: `);
}

export interface ProjectSpec {
  /** npm package name. */
  name: string;
  board: Board;
  /** What package.json says about Outpost: a version range, or a file: tarball or folder. */
  outpost: string;
  /**
   * Outpost is a folder npm links to (a clone): its dependencies stay in its own node_modules
   * rather than beside it in the project's.
   */
  linked: boolean;
  /** The pin main.ts blinks. */
  led: string;
}

/** The versions of the tools the project uses, as Outpost pins them. */
function toolVersions(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(repoRoot + "package.json", "utf8")) as Record<string, Record<string, string>>;
  const pinned = { ...pkg.dependencies, ...pkg.devDependencies };
  return Object.fromEntries(["@types/node", "typescript", "uvu"].map((name) => [name, pinned[name] ?? "*"]));
}

export function projectFiles(p: ProjectSpec): Record<string, string> {
  const board = p.board.name;
  const json = (value: unknown): string => JSON.stringify(value, null, 2) + "\n";
  const pkg = {
    name: p.name,
    version: "0.1.0",
    private: true,
    type: "module",
    scripts: {
      start: `outpost sim main.ts --board ${board} --for 5s`,
      watch: `outpost sim main.ts --board ${board} --for 5s --watch`,
      // Baseline-tier WebAssembly, as outpost commands run (bin/outpost.mjs): the compiler's is not worth optimising in a short run.
      test: "node --liftoff-only --import outpost/register node_modules/uvu/bin.js test",
      build: `outpost build main.ts --board ${board} -o build/firmware.${p.board.family === "espruino" ? "js" : "wasm"}`,
    },
    dependencies: { outpost: p.outpost },
    devDependencies: toolVersions(),
  };
  const lock = projectLockfile(pkg);
  return {
    "package.json": json(pkg),
    ...(lock ? { "package-lock.json": json(lock) } : {}),
    "main.ts": blinkyFor(p),
    "test/main.test.ts": `// Builds main.ts and runs it in Outpost's simulator, in virtual time: npm test.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildFirmware } from "outpost/toolchain";
import { Simulator, parseScenario, runScenario } from "outpost/sim";

const path = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const firmware = buildFirmware(path("../main.ts"), { board: "${board}" });

test("${p.led} toggles every 500 ms", async () => {
  const sim = await Simulator.load(await firmware); // on the board the build records
  sim.runFor("2s");
  assert.is(sim.panic, null);
  assert.equal(sim.pin("${p.led}").history.map((change) => change.at), [0, 500_000, 1_000_000, 1_500_000, 2_000_000]);
});

test("scenario.yaml passes", async () => {
  const sim = await Simulator.load(await firmware);
  const outcome = runScenario(sim, parseScenario(readFileSync(path("../scenario.yaml"), "utf8"), "scenario.yaml"));
  assert.is(outcome.status, "passed", outcome.message);
});

test.run();
`,
    "scenario.yaml": `# Steps in virtual time, checked by npm test (or: npx outpost sim main.ts --scenario scenario.yaml).
# The format: docs/scenarios.md in Outpost (node_modules/outpost/docs/scenarios.md).
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
    // Outpost's compiler options for firmware; the paths are the project's own, since npm installs
    // Outpost's dependencies (assemblyscript) beside it rather than inside it (unless it is linked).
    "tsconfig.json": json({
      extends: "./node_modules/outpost/types/tsconfig.base.json",
      compilerOptions: {
        baseUrl: ".",
        paths: {
          outpost: ["./node_modules/outpost/types/outpost/index.d.ts"],
          "outpost/board": ["./board.d.ts"],
          "outpost/*": ["./node_modules/outpost/types/outpost/*"],
        },
        // The editor also shows what outpost build would refuse (node_modules/outpost/editor/README.md).
        plugins: [{ name: "outpost/editor", ...(board === "sim" ? {} : { board }) }],
      },
      files: [
        `./node_modules/${p.linked ? "outpost/node_modules/" : ""}assemblyscript/std/assembly/index.d.ts`,
        "./node_modules/outpost/types/outpost/globals.d.ts",
      ],
      include: ["*.ts", "src/**/*.ts"],
    }),
    "test/tsconfig.json": json({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        allowImportingTsExtensions: true,
        skipLibCheck: true,
        types: ["node"],
        lib: ["ES2022"],
      },
      include: ["*.ts"],
    }),
    "board.d.ts": boardTypes(p.board),
    ".gitignore": "node_modules/\nbuild/\n",
    "README.md": readme(p),
  };
}

function readme(p: ProjectSpec): string {
  const board = p.board.name;
  const output = p.board.family === "espruino" ? "build/firmware.js" : "build/firmware.wasm";
  return `# ${p.name}

Firmware for the Outpost board \`${board}\`: ${p.led} blinks every 500 ms.

\`\`\`sh
npm install        # Outpost, TypeScript and uvu, into node_modules/
npm start          # runs main.ts for 5 s of virtual time: pin changes and logs on stderr
npm run watch      # the same, again each time you save main.ts (Ctrl-C stops)
npm test           # builds main.ts and checks it in the simulator (test/main.test.ts)
npm run build      # writes ${output} and prints its size
\`\`\`

Builds are cached (node_modules/.cache/outpost): running an unchanged
firmware again does not compile it again. \`npm test\` runs Node with
\`--liftoff-only\`, as the \`outpost\` command runs itself: the compiler
(WebAssembly) then starts in half the CPU time; drop the flag if a test
simulates long enough for V8's optimising tier to pay off.

- \`main.ts\` is the firmware (AssemblyScript): a task is an async function
  declared with \`task(poolSize, fn)\`, and \`main()\` spawns it, handing it
  the peripherals it uses.
- \`test/main.test.ts\` loads the build into \`Simulator\` and checks what the
  pins did, to the microsecond, and runs \`scenario.yaml\`.
- \`tsconfig.json\` and \`board.d.ts\` are for the editor: \`npx tsc --noEmit\`
  checks main.ts as your editor does (\`npx tsc -p test\` checks the test),
  and Outpost's plugin (\`outpost/editor\`) shows in the editor what
  \`outpost build\` would refuse; use the project's TypeScript in the editor.
  \`outpost build\` generates the real \`outpost/board\` module for the board
  it builds for.
- \`npx outpost --help\` lists every command; Outpost's README and docs are in
  node_modules/outpost/.
`;
}

/** Editor declarations of `outpost/board` for `board`: one constant per pin name, alias and UART. */
function boardTypes(board: Board): string {
  const names = [...pinNames(board), ...Object.keys(board.uarts), "CONSOLE_UART"];
  return [
    `// The names "outpost/board" exports for board "${board.name}", for the editor (outpost build generates the module).`,
    `export declare const BOARD_NAME: string;`,
    ...names.map((n) => `export declare const ${n}: i32;`),
    ...Object.keys(board.buttons).map((n) => `export declare const ${n}_ACTIVE_LOW: bool;`),
    "",
  ].join("\n");
}
