#!/usr/bin/env node
// The `outpost` command. Outpost's host code is TypeScript run without a
// build step: register the loader (tools/ts-hooks.mjs), then hand over.
import { register } from "node:module";

register("../tools/ts-hooks.mjs", import.meta.url);
await import("../src/toolchain/cli/main.ts");
