/**
 * A fresh global scope for an Espruino script (Node's variant): a `vm`
 * context holding only the language's own objects and the globals it is
 * given. context.ts builds the Espruino globals into one; runtime.ts runs
 * the build in it and reads the ABI exports back by name.
 *
 * The browser page's bundle swaps this file for web/src/realm.ts, which has
 * the same API and uses a hidden iframe as the fresh scope.
 *
 * Top-level `var` and `function` declarations of a script become
 * properties of the realm (`global`); errors thrown by its code are made by
 * the realm's own constructors, not the host's, so `instanceof Error` does
 * not hold for them.
 */
import vm from "node:vm";

export interface Realm {
  /** Runs script text at the realm's top level; `filename` names it in stack traces. */
  run(code: string, filename: string): void;
  /** A global of the realm: what the script declared or was given. */
  global(name: string): unknown;
}

export function createRealm(globals: Record<string, unknown>, name: string): Realm {
  const context = vm.createContext(globals, { name });
  return {
    run: (code, filename) => void vm.runInContext(code, context, { filename }),
    global: (key) => (context as Record<string, unknown>)[key],
  };
}
