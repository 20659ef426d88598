// `node --import ./tools/register.mjs file.ts` runs TypeScript host code.
import { register } from "node:module";
import { hooked } from "./use-shims.mjs";

register("./ts-hooks.mjs", import.meta.url);
hooked();
// A module with more than types goes through TypeScript's transpiler, whose lines are not the source's:
// its inline source map puts a stack trace back on the .ts line (blanked modules need none).
process.setSourceMapsEnabled(true);
