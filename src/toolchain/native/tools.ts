/**
 * The native tools Outpost drives (wasm2c, arm-none-eabi-gcc, gcc, tcc,
 * qemu-system-arm), found on PATH. A missing one is one TOOL_MISSING error
 * naming the Debian package that provides it.
 *
 * Folders under node_modules are skipped: npm puts node_modules/.bin first
 * on PATH in `npm test` and `npm run`, and the npm `wabt` package there has
 * a `wasm2c` of another wabt version, whose C the build does not accept.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { OutpostError } from "../../contract/errors.ts";

export const TOOL_PACKAGES = {
  wasm2c: "wabt",
  "arm-none-eabi-gcc": "gcc-arm-none-eabi (and picolibc-arm-none-eabi)",
  gcc: "gcc",
  tcc: "tcc",
  "qemu-system-arm": "qemu-system-arm",
} as const;
export type Tool = keyof typeof TOOL_PACKAGES;

const found = new Map<Tool, string | null>();

/** The tool's path on PATH, outside node_modules; null when there is none that runs (cached per process). */
export function toolPath(tool: Tool): string | null {
  let path = found.get(tool);
  if (path === undefined) {
    const dirs = (process.env.PATH ?? "").split(delimiter).filter((d) => d !== "" && !d.split(/[\\/]/).includes("node_modules"));
    const candidate = dirs.map((d) => join(d, tool)).find((f) => existsSync(f));
    path = candidate !== undefined && spawnSync(candidate, ["--version"], { stdio: "ignore" }).status === 0 ? candidate : null;
    found.set(tool, path);
  }
  return path;
}

/** True when `tool` is installed and runs. */
export function hasTool(tool: Tool): boolean {
  return toolPath(tool) !== null;
}

/** Throws TOOL_MISSING unless `tool` runs; `why` says what needs it. */
export function requireTool(tool: Tool, why: string): void {
  if (!hasTool(tool)) {
    throw new OutpostError("TOOL_MISSING", `${why} needs ${tool}, which is not installed: apt-get install ${TOOL_PACKAGES[tool]}`);
  }
}

/** Runs a tool to completion; BUILD_FAILED with its stderr when it fails. */
export function runTool(tool: Tool, args: string[], what: string, cwd?: string): string {
  requireTool(tool, what);
  const r = spawnSync(toolPath(tool)!, args, { encoding: "utf8", cwd, maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) {
    const detail = (r.stderr || r.stdout || String(r.error ?? "")).trim().split("\n").slice(0, 30).join("\n");
    throw new OutpostError("BUILD_FAILED", `${what} failed (${tool}):\n${detail}`);
  }
  return r.stdout;
}
