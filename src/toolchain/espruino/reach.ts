/**
 * Drops top-level functions and variables nothing can reach, which on
 * Espruino is RAM saved (every function body is stored as text).
 *
 * Called by the bundler on the whole program (helpers, firmware, glue).
 * Roots: every top-level statement that is not a declaration (it runs),
 * plus the names given. A `var` with several declarators is split so each
 * name lives or dies alone. Initialisers are kept only with their variable,
 * so an initialiser must have no side effects the program relies on.
 */
import { type Stmt, walkStmt } from "./ast.ts";

export function dropUnreachable(program: Stmt[], roots: Iterable<string>): Stmt[] {
  const split: Stmt[] = program.flatMap((s): Stmt[] => (s.k === "var" ? s.decls.map((d) => ({ k: "var", decls: [d] })) : [s]));
  const byName = new Map<string, Stmt>();
  for (const s of split) {
    if (s.k === "var") byName.set(s.decls[0]!.name, s);
    else if (s.k === "func") byName.set(s.fn.name!, s);
  }
  const live = new Set<string>();
  const work: string[] = [...roots];
  const visit = (s: Stmt): void =>
    walkStmt(s, (e) => {
      if (e.k === "id") work.push(e.name);
    });
  for (const s of split) if (s.k !== "var" && s.k !== "func") visit(s);
  while (work.length > 0) {
    const name = work.pop()!;
    if (live.has(name) || !byName.has(name)) continue;
    live.add(name);
    visit(byName.get(name)!);
  }
  return split.filter((s) => (s.k === "var" ? live.has(s.decls[0]!.name) : s.k === "func" ? live.has(s.fn.name!) : true));
}
