/**
 * The slice of the WebAssembly JavaScript API that the ABI host (and
 * `outpost size`, which runs a firmware's init) uses, typed
 * here because Outpost's tsconfig targets Node without the DOM library
 * (which is where TypeScript declares `WebAssembly`). Runtime behaviour is
 * Node's own; this file only names it.
 */

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
/** A global exported by a module (`value` reads and, if mutable, writes it). */
export interface WasmGlobal {
  value: number;
}
export interface WasmModule {
  readonly __wasmModule: unique symbol;
}
export interface WasmModuleEntry {
  module: string;
  name: string;
  kind: "function" | "table" | "memory" | "global" | "tag";
}
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}
export type WasmImports = Record<string, Record<string, unknown>>;

interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  instantiate(module: WasmModule, imports: WasmImports): Promise<WasmInstance>;
  /** The synchronous constructors are for small modules (test/helpers/bare_host.ts); hosts use `compile`. */
  Module: {
    new (bytes: Uint8Array): WasmModule;
    imports(module: WasmModule): WasmModuleEntry[];
    exports(module: WasmModule): Omit<WasmModuleEntry, "module">[];
  };
  Instance: new (module: WasmModule, imports: WasmImports) => WasmInstance;
  Memory: new (limits: { initial: number; maximum?: number }) => WasmMemory;
  RuntimeError: new (...args: never[]) => Error;
  CompileError: new (...args: never[]) => Error;
  LinkError: new (...args: never[]) => Error;
}

export const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** A trap raised while running Wasm code: a RuntimeError, or V8's stack overflow. */
export function isTrap(e: unknown): e is Error {
  return e instanceof wasm.RuntimeError || (e instanceof RangeError && /call stack/i.test(e.message));
}
