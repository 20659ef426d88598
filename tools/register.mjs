// `node --import ./tools/register.mjs file.ts` runs TypeScript host code.
import { register } from "node:module";
register("./ts-hooks.mjs", import.meta.url);
