/**
 * `mkdir -p` that fails instead of hanging. Node's
 * `mkdirSync(path, { recursive: true })` never returns for a path under
 * /proc (it retries ENOENT forever, Node 20), and any folder a user can name
 * (-o, --emit-c, --vcd, --trace, `outpost new`, OUTPOST_CACHE) may be one:
 * every folder Outpost makes is made here, each missing level in turn, the
 * first failure thrown as the OS reports it (ENOENT, ENOTDIR, EACCES…).
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

export function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let p = resolve(dir); !existsSync(p); p = dirname(p)) {
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing.reverse()) {
    try {
      mkdirSync(p);
    } catch (e) {
      // Another process made it meanwhile (concurrent builds share the cache folder).
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || !statSync(p).isDirectory()) throw e;
    }
  }
}
