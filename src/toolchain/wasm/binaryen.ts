/**
 * binaryen's JS API (the `binaryen` npm package, pinned in package.json),
 * loaded on first use: it is a 14 MB module, so commands that never
 * rewrite Wasm (the simulator, a build for the sim board) never load it.
 * Used by the Espruino translation (wasm2js) and by interpreter-board
 * builds (start-snapshot.ts).
 */
import type binaryenApi from "binaryen";

export type Binaryen = typeof binaryenApi;
export type BinaryenModule = binaryenApi.Module;

let loading: Promise<Binaryen> | null = null;

export function loadBinaryen(): Promise<Binaryen> {
  loading ??= import("binaryen").then((m) => (m as unknown as { default: Binaryen }).default);
  return loading;
}
