// `node --import ./tools/register.mjs file.ts` runs TypeScript host code.
import { register } from "node:module";
import { hooked } from "./use-shims.mjs";

register("./ts-hooks.mjs", import.meta.url);
hooked();
