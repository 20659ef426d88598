/**
 * Several listeners on one simulator: `mergeListeners` calls each given
 * listener in order, so the CLI's console printer and a trace recorder can
 * both hear the same events.
 */
import type { SimListeners } from "./types.ts";

export function mergeListeners(...sets: SimListeners[]): SimListeners {
  const merged: Record<string, (...args: never[]) => void> = {};
  const keys = new Set(sets.flatMap((s) => Object.keys(s))) as Set<keyof SimListeners>;
  for (const key of keys) {
    const fns = sets.map((s) => s[key] as ((...args: unknown[]) => void) | undefined).filter((f) => f !== undefined);
    merged[key] = (...args: unknown[]) => {
      for (const f of fns) f(...args);
    };
  }
  return merged as SimListeners;
}
