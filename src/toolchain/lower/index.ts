/**
 * Outpost's async lowering: turns `async`/`await` in firmware sources into
 * static state-machine classes before asc sees them (README.md in this
 * folder says what async code may use and how it is lowered). compile.ts
 * runs it from asc's readFile hook:
 *
 *   const host = fsHost(() => boardSource);
 *   const lowering = new LowerSession(host);
 *   readFile: path = outpostPackagePath(name) ?? resolve(dir, name);  // packages.ts
 *             text = lowering.readFile(path, host.read(path));  // lowers user and hal/ files
 *   after asc: lowering.diagnostics (formatLowerErrors), lowering.report()
 *
 * Files: scan.ts (what is async), plan.ts (states, fields, slots),
 * emit.ts (poll functions), frames.ts (generated classes, sizes),
 * file.ts (one file), session.ts (one build), errors.ts (messages).
 */
export { LowerSession, type LowerReport, type SiteInfo, type TaskRam } from "./session.ts";
export { formatLowerErrors, type LowerDiagnostic } from "./errors.ts";
export { fsHost, type ModuleHost } from "./modules.ts";
export { isReference } from "./syntax.ts";
