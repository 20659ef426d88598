/**
 * The build cache's files on disk: JSON documents (and native objects,
 * native/objects.ts) by name in one folder,
 * written atomically (a whole file or none, so parallel processes never
 * read half of one), kept to a bounded number, and a lock per build so two
 * processes that want the same build at once compile it once.
 *
 * Where: $OUTPOST_CACHE if set (`off` disables the cache), else
 * node_modules/.cache/outpost/ of the project Outpost is installed in (or
 * of this repository). A folder that cannot be written leaves every build
 * working, uncached. Nothing here knows what a build is: cache/build.ts
 * decides names and contents.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { repoRoot } from "../packages.ts";
import { makeDirs } from "../make-dirs.ts";

/** Files kept before the oldest are removed; a build is two or three small files, a native image's objects up to eight. */
const MAX_FILES = 1500;
/** How long a waiter trusts another process's lock before building itself. */
const LOCK_PATIENCE_MS = 180_000;

/** The cache folder, or null when the cache is off. */
export function cacheDir(): string | null {
  const env = process.env.OUTPOST_CACHE;
  if (env === "off") return null;
  if (env) return resolve(env);
  // Installed as a dependency, the package sits in <project>/node_modules/outpost/.
  const packageDir = repoRoot.replace(/\/$/, "");
  const parent = dirname(packageDir);
  const modules = basename(parent) === "node_modules" ? parent : join(packageDir, "node_modules");
  return join(modules, ".cache", "outpost");
}

export class CacheStore {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  /** The document `name`, or undefined when absent or unreadable. Marks it used (for pruning). */
  read<T>(name: string): T | undefined {
    const bytes = this.readBytes(name);
    try {
      return bytes === undefined ? undefined : (JSON.parse(bytes.toString("utf8")) as T);
    } catch {
      return undefined;
    }
  }

  /** Writes `value` as `name`, atomically; false when the folder cannot be written. */
  write(name: string, value: unknown): boolean {
    return this.writeBytes(name, JSON.stringify(value));
  }

  /** The file `name` as it was written, or undefined when absent or unreadable. Marks it used (for pruning). */
  readBytes(name: string): Buffer | undefined {
    const file = join(this.dir, name);
    try {
      const bytes = readFileSync(file);
      const now = new Date();
      utimesSync(file, now, now);
      return bytes;
    } catch {
      return undefined;
    }
  }

  /** Writes `bytes` as `name`, atomically; false when the folder cannot be written. */
  writeBytes(name: string, bytes: string | Uint8Array): boolean {
    const file = join(this.dir, name);
    const partial = `${file}.${process.pid}.tmp`;
    try {
      makeDirs(this.dir);
      writeFileSync(partial, bytes);
      renameSync(partial, file);
    } catch {
      rmSync(partial, { force: true });
      return false;
    }
    this.prune();
    return true;
  }

  /**
   * Runs `work` holding the lock `name`. When another live process holds it, waits for it to
   * finish first (it is probably making what `work` would make: `work` should look again), up to
   * a patience limit; a lock whose process is gone is taken over.
   */
  async locked<T>(name: string, work: () => Promise<T>): Promise<T> {
    const file = join(this.dir, name + ".lock");
    const started = Date.now();
    for (;;) {
      try {
        makeDirs(this.dir);
        writeFileSync(file, String(process.pid), { flag: "wx" });
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== "EEXIST" || Date.now() - started > LOCK_PATIENCE_MS) return work(); // unwritable, or waited enough
        if (!holderAlive(file)) {
          rmSync(file, { force: true });
          continue;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    try {
      return await work();
    } finally {
      rmSync(file, { force: true });
    }
  }

  /** Keeps at most MAX_FILES files: the least recently used go first. */
  private prune(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    if (names.length <= MAX_FILES) return;
    const aged = names
      .map((name) => {
        try {
          return { name, at: statSync(join(this.dir, name)).mtimeMs };
        } catch {
          return { name, at: 0 };
        }
      })
      .sort((a, b) => a.at - b.at);
    for (const { name } of aged.slice(0, names.length - Math.floor(MAX_FILES * 0.7))) {
      if (!name.endsWith(".lock")) rmSync(join(this.dir, name), { force: true });
    }
  }
}

/** True while the process whose pid a lock file holds still runs (unreadable: assume it does). */
function holderAlive(lock: string): boolean {
  let text: string;
  try {
    text = readFileSync(lock, "utf8");
  } catch {
    return true; // just removed: look again shortly
  }
  if (text === "") return true; // created, its pid not written yet
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
