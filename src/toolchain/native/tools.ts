/**
 * The native tools Outpost drives (wasm2c, arm-none-eabi-gcc, gcc,
 * qemu-system-arm), found on PATH. A missing one is one TOOL_MISSING error
 * naming the Debian package that provides it.
 */
import { spawnSync } from "node:child_process";
import { OutpostError } from "../../contract/errors.ts";

export const TOOL_PACKAGES = {
  wasm2c: "wabt",
  "arm-none-eabi-gcc": "gcc-arm-none-eabi (and picolibc-arm-none-eabi)",
  gcc: "gcc",
  "qemu-system-arm": "qemu-system-arm",
} as const;
export type Tool = keyof typeof TOOL_PACKAGES;

const found = new Map<Tool, boolean>();

/** True when `tool` runs (cached per process). */
export function hasTool(tool: Tool): boolean {
  let ok = found.get(tool);
  if (ok === undefined) {
    ok = spawnSync(tool, ["--version"], { stdio: "ignore" }).status === 0;
    found.set(tool, ok);
  }
  return ok;
}

/** Throws TOOL_MISSING unless `tool` runs; `why` says what needs it. */
export function requireTool(tool: Tool, why: string): void {
  if (!hasTool(tool)) {
    throw new OutpostError("TOOL_MISSING", `${why} needs ${tool}, which is not installed: apt-get install ${TOOL_PACKAGES[tool]}`);
  }
}

/** Runs a tool to completion; BUILD_FAILED with its stderr when it fails. */
export function runTool(tool: Tool, args: string[], what: string, cwd?: string): string {
  const r = spawnSync(tool, args, { encoding: "utf8", cwd, maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) {
    const detail = (r.stderr || r.stdout || String(r.error ?? "")).trim().split("\n").slice(0, 30).join("\n");
    throw new OutpostError("BUILD_FAILED", `${what} failed (${tool}):\n${detail}`);
  }
  return r.stdout;
}
