// Runs the `outpost` command (bin/outpost.mjs) with this process's
// arguments and, when it exits, writes its peak resident set size in KiB
// (process.resourceUsage().maxRSS) to the file named by OUTPOST_RSS_FILE.
// bench/memory.bench.ts spawns it: the figure is what a user's `outpost`
// process peaks at, loader and all.
import { writeFileSync } from "node:fs";

process.on("exit", () => writeFileSync(process.env.OUTPOST_RSS_FILE, String(process.resourceUsage().maxRSS)));
await import("../bin/outpost.mjs");
