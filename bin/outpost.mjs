#!/usr/bin/env node
// The `outpost` command. Outpost's host code is TypeScript run without a
// build step: from a checked, transpiled copy when one can be kept
// (tools/host-tree.mjs says why and how), else through the module hooks
// (tools/ts-hooks.mjs). OUTPOST_HOST_TREE=off always takes the hooks.
import { register } from "node:module";
import { setFlagsFromString } from "node:v8";
import { hostEntry } from "../tools/host-tree.mjs";
import { hooked } from "../tools/use-shims.mjs";

// Compile the compiler's WebAssembly (binaryen) with the baseline tier only: that halves a cold
// build's CPU, and the optimising tier never earns it back, not even over the many builds of --watch
// (blinky rebuilt 25 times: about 0.48 s a build either way, and the first in 1.5 s instead of 2.5 s).
const flags = ["--liftoff-only"];
// A check is over in about a second, before V8's optimising compiler earns back its CPU
// (builds and simulations need it).
if (process.argv[2] === "check") flags.push("--no-opt");
for (const flag of flags) setFlagsFromString(flag);
// tools/typescript.mjs keeps a code cache per set of flags (V8 refuses one made under others).
globalThis[Symbol.for("outpost.v8-flags")] = flags;

const entry = "src/toolchain/cli/main.ts";
const copy = process.env.OUTPOST_HOST_TREE === "off" ? null : await hostEntry(entry);
if (copy) {
  await import(copy);
} else {
  register("../tools/ts-hooks.mjs", import.meta.url);
  hooked();
  await import(`../${entry}`);
}
