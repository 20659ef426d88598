/**
 * Content hashes for the build cache: of a file (or of its absence), and
 * the toolchain's fingerprint, which changes whenever anything that turns
 * sources into a build changes: Outpost's version, every file of the
 * toolchain, the contract, the firmware runtime, the HAL and the board
 * glue (src/toolchain, src/contract, src/runtime, hal, boards), and the
 * versions of the compilers it drives (assemblyscript, binaryen,
 * typescript, wabt). A build is cached under the fingerprint, so editing
 * the lowering or the runtime invalidates every build made before.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { outpostVersion, repoRoot } from "../packages.ts";

/** The folders whose files are the toolchain (relative to the package root). */
const TOOLCHAIN_DIRS = ["src/toolchain", "src/contract", "src/runtime", "hal", "boards"];
const TOOLCHAIN_FILES = /\.(ts|js|mjs|json)$/;
/** The packages whose versions a build depends on. */
const COMPILERS = ["assemblyscript", "binaryen", "typescript", "wabt"];

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A file's content hash; "-" for a file that does not exist or cannot be read (a build may depend on an absence). */
export function fileHash(path: string): string {
  try {
    return sha256(readFileSync(path));
  } catch {
    return "-";
  }
}

let fingerprint: string | undefined;

/** The toolchain's fingerprint, computed once per process (the toolchain does not change under a running command). */
export function toolchainFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash("sha256");
  hash.update(`outpost ${outpostVersion}\n`);
  for (const name of COMPILERS) hash.update(`${name} ${packageVersion(name)}\n`);
  for (const dir of TOOLCHAIN_DIRS) {
    for (const file of filesUnder(join(repoRoot, dir))) {
      hash.update(file.slice(repoRoot.length) + "\0");
      hash.update(readFileSync(file));
      hash.update("\0");
    }
  }
  fingerprint = hash.digest("hex");
  return fingerprint;
}

/** An installed package's version, looked up beside Outpost (hoisted) or inside it; "-" when missing. */
function packageVersion(name: string): string {
  const packageDir = repoRoot.replace(/\/$/, "");
  const parent = dirname(packageDir);
  const candidates = [join(packageDir, "node_modules", name)];
  if (basename(parent) === "node_modules") candidates.push(join(parent, name));
  for (const dir of candidates) {
    try {
      return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
    } catch {
      // not here
    }
  }
  return "-";
}

/** Every toolchain file under `dir`, sorted, recursively. */
function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? e.name + "/" : e.name)).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) =>
    name.endsWith("/") ? filesUnder(join(dir, name.slice(0, -1))) : TOOLCHAIN_FILES.test(name) ? [join(dir, name)] : [],
  );
}
