// Writes a cache file so that a reader never sees part of it: the bytes go
// to a file of this thread's own, which is then renamed over the target
// (atomic on one file system). Test workers and `outpost` processes fill
// the same caches at once; a plain write let a worker load a half-written
// transpiled module ("does not provide an export named …").
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { threadId } from "node:worker_threads";

/** Writes `data` to `file` whole, making its folder; false if it could not (a read-only tree still runs). */
export function writeWhole(file, data) {
  const tmp = `${file}.${process.pid}.${threadId}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    return true;
  } catch {
    return false;
  }
}
