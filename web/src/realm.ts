/**
 * The browser twin of sim/espruino/realm.ts (web/rollup.config.mjs swaps it
 * in): a fresh global scope for an Espruino script, made from a hidden
 * same-origin iframe. Its window gets the Espruino globals; the script runs
 * at its top level through the iframe's own `eval`, so its `var` and
 * `function` declarations become properties of that window, as they become
 * properties of a vm context on Node.
 *
 * One difference cannot be removed: a window keeps names a vm context lacks
 * (document, fetch, location, …), some of them not deletable. Outpost's
 * Espruino builds use none of them; a hand-written script that did would
 * run here and fail under `outpost sim`.
 */
import type { Realm } from "../../sim/espruino/realm.ts";

export type { Realm };

/** The frame of the firmware running now: the page runs one at a time, and a restart drops the old one. */
let current: HTMLIFrameElement | null = null;

export function createRealm(globals: Record<string, unknown>, name: string): Realm {
  current?.remove();
  const frame = (current = document.createElement("iframe"));
  frame.hidden = true;
  frame.title = name;
  document.body.append(frame);
  const scope = frame.contentWindow as unknown as Record<string, unknown> & { eval(code: string): unknown };
  Object.assign(scope, globals);
  return {
    run: (code, filename) => void scope.eval(`${code}\n//# sourceURL=${filename}`),
    global: (key) => scope[key],
  };
}
