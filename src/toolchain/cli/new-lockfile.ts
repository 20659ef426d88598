/**
 * The package-lock.json `outpost new` writes beside a new project's
 * package.json, made from Outpost's own lockfile: the exact versions,
 * tarball addresses and integrity hashes of Outpost's dependencies and of
 * the project's tools (TypeScript, uvu, @types/node), which Outpost pins
 * and tests with. With it, `npm install` installs what Outpost was tested
 * with, and works offline from npm's cache (`npm ci` filled it): without a
 * lockfile npm would first ask the registry which versions exist.
 *
 * Outpost itself is left out: npm reads it from the project's dependency
 * (a tarball, a folder or a version) and records it. Only a repository
 * clone has a package-lock.json (npm never packs one): an Outpost installed
 * from a registry writes no lockfile, and npm resolves as usual.
 */
import { readFileSync } from "node:fs";
import { repoRoot } from "../packages.ts";

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  dev?: boolean;
  peer?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  [field: string]: unknown;
}

interface Lockfile {
  packages: Record<string, LockEntry>;
}

interface ProjectPackage {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** The lockfile for `project` (its package.json), or null when this Outpost has no lockfile to start from. */
export function projectLockfile(project: ProjectPackage): object | null {
  let lock: Lockfile;
  let outpost: { dependencies?: Record<string, string> };
  try {
    lock = JSON.parse(readFileSync(repoRoot + "package-lock.json", "utf8")) as Lockfile;
    outpost = JSON.parse(readFileSync(repoRoot + "package.json", "utf8")) as typeof outpost;
  } catch {
    return null;
  }
  const runtime = closure(lock, Object.keys(outpost.dependencies ?? {}));
  const tools = closure(lock, Object.keys(project.devDependencies));
  if (runtime === null || tools === null) return null; // a dependency the lockfile lacks: let npm resolve it
  const packages: Record<string, LockEntry> = {
    "": { name: project.name, version: project.version, dependencies: project.dependencies, devDependencies: project.devDependencies },
  };
  for (const path of [...new Set([...runtime, ...tools])].sort()) {
    const { dev: _dev, peer: _peer, optional: _optional, devOptional: _devOptional, ...entry } = lock.packages[path]!;
    // Needed at run time by Outpost, or only by the project's tests and editor.
    packages[path] = runtime.has(path) ? entry : { ...entry, dev: true };
  }
  return { name: project.name, version: project.version, lockfileVersion: 3, requires: true, packages };
}

/** The lockfile paths of `names` and everything they depend on, all hoisted to node_modules/; null if one is missing. */
function closure(lock: Lockfile, names: string[]): Set<string> | null {
  const found = new Set<string>();
  const visit = (name: string): boolean => {
    const path = `node_modules/${name}`;
    if (found.has(path)) return true;
    const entry = lock.packages[path];
    if (entry === undefined) return false;
    found.add(path);
    return Object.keys(entry.dependencies ?? {}).every(visit);
  };
  return names.every(visit) ? found : null;
}
