#!/usr/bin/env node
// The `outpost` command. Outpost's host code is TypeScript run without a
// build step: register the loader (tools/ts-hooks.mjs), then hand over.
import { register } from "node:module";
import { setFlagsFromString } from "node:v8";

// A command is short-lived: compile the compiler's WebAssembly (binaryen) with the baseline tier
// only, which halves a cold build's CPU; optimising it pays off only over the many builds of --watch.
if (!process.argv.includes("--watch")) setFlagsFromString("--liftoff-only");

register("../tools/ts-hooks.mjs", import.meta.url);
await import("../src/toolchain/cli/main.ts");
