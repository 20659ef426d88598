// What `import ts from "typescript"` in Outpost's host code loads when it
// runs from source (ts-hooks.mjs resolves the specifier here): TypeScript
// through require. Imported as ES module, Node would first scan all 9 MB
// of typescript.js for its export names and its module format, which costs
// more CPU than loading it (about 1 s against 0.4 s per process here).
import { createRequire } from "node:module";

export default createRequire(import.meta.url)("typescript");
