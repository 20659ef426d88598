/** The namespace of the ES module at `file`, run as a script cached under `name` and `version`, given `imports` (specifier → namespace); null when it is not of a shape this reads. */
export function loadModuleScript(file: string, name: string, version: string, imports: Record<string, unknown>): Promise<Record<string, unknown> | null>;
/** The module's text as an async function's (its imports, `import.meta` and `import` handed in), or null. */
export function asScript(text: string, file: string, specifiers: string[]): Promise<string | null>;
