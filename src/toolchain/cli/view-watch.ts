/**
 * `outpost view --watch`: rebuilds an entry .ts when a .ts file in its folder
 * (or below) is saved, then calls `rebuild`, which serves the new build and
 * reloads open pages. Saves that come in a burst (an editor writing several
 * files) give one build; a save during a build gives one more after it.
 */
import { type FSWatcher, watch } from "node:fs";
import { dirname, resolve } from "node:path";

const SETTLE_MS = 150;

export function watchEntry(entry: string, rebuild: () => Promise<void>): FSWatcher {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let building = false;
  let again = false;
  const run = async (): Promise<void> => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    try {
      await rebuild();
    } finally {
      building = false;
      if (again) {
        again = false;
        void run();
      }
    }
  };
  return watch(dirname(resolve(entry)), { recursive: true }, (_event, name) => {
    if (name !== null && !String(name).endsWith(".ts")) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
  });
}
