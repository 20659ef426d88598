/**
 * The TypeScript language-service plugin (editor/index.js, work in
 * src/toolchain/check/plugin.ts), applied as tsserver applies it, to a
 * language service made with ts.createLanguageService: no editor needed.
 *
 * A firmware folder in a scratch directory depends on Outpost the way a
 * project made by `outpost new` does (node_modules/outpost links to this
 * repository); its tsconfig extends the typings and names the plugin.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import ts from "typescript";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const project = mkdtempSync(join(tmpdir(), "outpost-editor-"));
test.after(() => rmSync(project, { recursive: true, force: true }));

mkdirSync(join(project, "node_modules"));
symlinkSync(root, join(project, "node_modules/outpost"), "dir");
writeFileSync(join(project, "tsconfig.json"), JSON.stringify({
  extends: "./node_modules/outpost/types/tsconfig.base.json",
  compilerOptions: { plugins: [{ name: "outpost/editor" }] },
  include: ["*.ts"],
}));

const MAIN = `import { Timer, Duration, task } from "outpost";
import { report } from "./lib";

async function work(n: i32): Promise<i32> { await Timer.after(Duration.millis(n)); return n; }

export const blink = task(1, async (): Promise<void> => {
  work(1);
  const s: string = await work(2);
  report(3);
});

export function main(): void { blink.spawn(); }
`;
const LIB = `import { log } from "outpost";

function apply(f: (x: i32) => i32, v: i32): i32 { return f(v); }

export function report(k: i32): void {
  log.info(\`\${apply((x: i32): i32 => x + k, 1)}\`);
}
`;
writeFileSync(join(project, "main.ts"), MAIN);
writeFileSync(join(project, "lib.ts"), LIB);

/** A language service over the project, with the editor's unsaved text in `open`. */
function languageService(open: Record<string, string> = {}): ts.LanguageService {
  const config = ts.getParsedCommandLineOfConfigFile(join(project, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const text = (f: string) => open[f] ?? ts.sys.readFile(f);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => config.options,
    getScriptFileNames: () => config.fileNames,
    getScriptVersion: (f) => (open[f] !== undefined ? "edited" : "disk"),
    getScriptSnapshot: (f) => {
      const t = text(f);
      return t === undefined ? undefined : ts.ScriptSnapshot.fromString(t);
    },
    getCurrentDirectory: () => project,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => open[f] !== undefined || ts.sys.fileExists(f),
    readFile: text,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

interface Applied {
  service: ts.LanguageService;
  /** Resolves when the plugin has loaded and asked the editor to refresh (project.refreshDiagnostics()). */
  refreshed: Promise<void>;
  log: string[];
}

/** The plugin as tsserver loads it (by the name in tsconfig, from `searchDir`), applied to `service` of `project`. */
function applyPlugin(name: string, searchDir: string, service: ts.LanguageService, options: Record<string, unknown> = {}, project?: object): Applied {
  const log: string[] = [];
  const factory = ts.server.Project.resolveModule(name, searchDir, ts.sys as ts.server.ServerHost, (s) => log.push(s)) as ts.server.PluginModuleFactory | undefined;
  assert.type(factory, "function", `tsserver finds ${name} from ${searchDir}: ${log.join("; ")}`);
  let refresh!: () => void;
  const refreshed = new Promise<void>((resolve) => (refresh = resolve));
  const info = {
    languageService: service,
    project: Object.assign(project ?? {}, { projectService: { logger: { info: (s: string) => log.push(s) } }, refreshDiagnostics: refresh }),
    config: { name, ...options },
  } as unknown as ts.server.PluginCreateInfo;
  return { service: factory!({ typescript: ts }).create(info), refreshed, log };
}

/** `line:col code message` of a file's semantic diagnostics. */
function shown(service: ts.LanguageService, file: string): string[] {
  return service.getSemanticDiagnostics(join(project, file)).map((d) => {
    const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start!);
    const category = d.category === ts.DiagnosticCategory.Error ? "error" : "warning";
    return `${line + 1}:${character + 1} ${d.source ?? "ts"} ${category} ${d.code} (${d.length}) ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}

const applied = applyPlugin("outpost/editor", join(project, "node_modules"), languageService());

test("before the plugin has loaded, the editor shows TypeScript's own diagnostics", () => {
  // Loading is asynchronous even when Outpost's modules are already loaded: asked at once, it has not yet.
  const fresh = applyPlugin("outpost/editor", join(project, "node_modules"), languageService());
  assert.equal(shown(fresh.service, "main.ts"), [
    "8:9 ts error 2322 (1) Type 'number' is not assignable to type 'string'.",
  ]);
});

test("once loaded, it asks the editor to refresh and adds the lowering's diagnostics, at their places", async () => {
  await applied.refreshed;
  assert.equal(shown(applied.service, "main.ts"), [
    "8:9 ts error 2322 (1) Type 'number' is not assignable to type 'string'.",
    "7:3 outpost error 0 (4) ASYNC_DROPPED: the future of `work(1)` is thrown away, so it never runs (futures are lazy: they run when awaited, joined or selected): write `await work(1)`, or spawn a task to run it alongside",
  ]);
  assert.ok(applied.log.some((l) => l.includes("[outpost] checking firmware files")));
});

test("a file the entry imports gets AssemblyScript's restrictions (a sync closure capturing a parameter, AS100)", async () => {
  await applied.refreshed;
  assert.equal(shown(applied.service, "lib.ts"), [
    '6:42 outpost error 100 (1) "k" belongs to an enclosing function, and AssemblyScript has no closures (AS100): a nested sync function cannot use it; pass it as a parameter, or keep it in a module-level variable or a field',
  ]);
});

test("the editor's unsaved text is what is checked, in the open file and in the files it imports", async () => {
  const edited = languageService({
    [join(project, "main.ts")]: MAIN.replace("  work(1);\n", "  await work(1);\n"),
    [join(project, "lib.ts")]: LIB.replace("export function report(k: i32): void {", "export async function late(): Promise<void> {}\nexport function report(k: i32): void {\n  late();"),
  });
  const plugin = applyPlugin("outpost/editor", join(project, "node_modules"), edited);
  await plugin.refreshed;
  assert.equal(shown(plugin.service, "main.ts"), ["8:9 ts error 2322 (1) Type 'number' is not assignable to type 'string'."]);
  assert.equal(shown(plugin.service, "lib.ts"), [
    "7:3 outpost error 0 (4) ASYNC_DROPPED: the future of `late()` is thrown away, so it never runs (futures are lazy: they run when awaited, joined or selected): await it in async code, or spawn a task to run it",
    '8:42 outpost error 100 (1) "k" belongs to an enclosing function, and AssemblyScript has no closures (AS100): a nested sync function cannot use it; pass it as a parameter, or keep it in a module-level variable or a field',
  ]);
});

test("a board the tsconfig names that does not exist is logged, and the file is checked for sim", async () => {
  const plugin = applyPlugin("outpost/editor", join(project, "node_modules"), languageService(), { board: "nope" });
  await plugin.refreshed;
  assert.equal(shown(plugin.service, "lib.ts").length, 1);
  assert.ok(plugin.log.some((l) => l.startsWith('[outpost] unknown board "nope": choose one of') && l.endsWith("; checking for board sim")), plugin.log.join("\n"));
});

test("named twice in a tsconfig (outpost/editor and outpost-editor), it adds its diagnostics once", async () => {
  const tsProject = {};
  const first = applyPlugin("outpost/editor", join(project, "node_modules"), languageService(), {}, tsProject);
  const second = applyPlugin("outpost-editor", join(root, "node_modules"), first.service, {}, tsProject);
  await second.refreshed; // the project's refreshDiagnostics is the one applied last
  assert.is(second.service, first.service);
  assert.equal(shown(second.service, "lib.ts").length, 1);
});

/**
 * tsserver itself (the one an editor starts), from the TypeScript of the
 * installed Outpost, loading the plugin the tsconfig names: the open file's
 * semantic diagnostics, asked for until the plugin has loaded.
 */
async function tsserverDiagnostics(file: string): Promise<string[]> {
  const tsserver = join(project, "node_modules/outpost/node_modules/typescript/lib/tsserver.js");
  // The plugin is found from the tsconfig's folder (tsserver's own is the repository, where it is named outpost-editor).
  const server = spawn(process.execPath, [tsserver, "--allowLocalPluginLoads", "--disableAutomaticTypingAcquisition"], { stdio: ["pipe", "pipe", "ignore"] });
  let seq = 0;
  const send = (command: string, args: object) => server.stdin.write(JSON.stringify({ seq: ++seq, type: "request", command, arguments: args }) + "\n");
  try {
    const lines = createInterface({ input: server.stdout });
    send("open", { file });
    send("semanticDiagnosticsSync", { file });
    const deadline = Date.now() + 90_000;
    for await (const line of lines) {
      if (!line.startsWith("{")) continue;
      const msg = JSON.parse(line) as { type: string; command?: string; body?: Array<{ start: { line: number; offset: number }; code: number; source?: string; text: string }> };
      if (msg.type !== "response" || msg.command !== "semanticDiagnosticsSync") continue;
      const found = msg.body!.map((d) => `${d.start.line}:${d.start.offset} ${d.source ?? "ts"} ${d.code} ${d.text}`);
      if (found.some((d) => d.includes(" outpost ")) || Date.now() > deadline) return found;
      setTimeout(() => send("semanticDiagnosticsSync", { file }), 200);
    }
    return [];
  } finally {
    server.kill();
  }
}

test("tsserver loads it from the installed package by the name the tsconfig gives, and shows its diagnostics", async () => {
  assert.equal(await tsserverDiagnostics(join(project, "lib.ts")), [
    '6:42 outpost 100 "k" belongs to an enclosing function, and AssemblyScript has no closures (AS100): a nested sync function cannot use it; pass it as a parameter, or keep it in a module-level variable or a field',
  ]);
});

test("in this repository it loads as outpost-editor (npm links editor/ there), the name a tsconfig here uses", () => {
  const plugin = applyPlugin("outpost-editor", join(root, "node_modules"), languageService());
  assert.ok(plugin.service.getSemanticDiagnostics);
  assert.equal(JSON.parse(readFileSync(join(root, "examples/tsconfig.json"), "utf8")).compilerOptions.plugins, [{ name: "outpost-editor" }]);
});

test.run();
