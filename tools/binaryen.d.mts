/** binaryen's module as a script's body (tools/binaryen.mjs), or null when it is not of the shape expected. */
export function asScript(text: string): string | null;
declare const binaryen: typeof import("binaryen").default;
export default binaryen;
