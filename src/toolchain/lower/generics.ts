/**
 * Generic async functions and methods: one frame class per function, generic
 * in the same type parameters (`first$Future<T>`), instantiated by each call
 * site with its own type arguments (`$c0: first$Future<i32>`), as asc
 * monomorphises any generic class. A call's type arguments are the written
 * ones (`first<i32>(ch)`), or inferred from the arguments' types where
 * TypeScript would infer them (`first(numbers)` with `numbers:
 * Channel<i32>` gives T = i32), so `const v = await first(ch)` needs no
 * annotation.
 */
import ts from "typescript";
import { messages } from "./errors.ts";
import type { FileCtx } from "./file.ts";
import type { AsyncFn } from "./scan.ts";
import type { Typer } from "./typer.ts";
import { tyFromNode, type Ty } from "./types.ts";

export type Subst = Map<string, Ty>;

/** The type parameters a call must fix: the function's own (methods: the method's, the class's come from the receiver). */
export function typeParamsOf(fn: AsyncFn): readonly ts.TypeParameterDeclaration[] {
  return fn.node.typeParameters ?? [];
}

/**
 * The type arguments of a call of a generic async function or method:
 * written, or inferred from the arguments; null (after an error at the
 * call) when one cannot be found.
 */
export function typeArgsOf(file: FileCtx, fn: AsyncFn, call: ts.CallExpression, typer: Typer): Ty[] | null {
  const params = typeParamsOf(fn);
  if (!params.length) return [];
  if (call.typeArguments?.length) {
    const written = call.typeArguments.map((a) => tyFromNode(file.mods, a, file.module));
    return written.every((t) => t !== null) ? (written as Ty[]) : null;
  }
  const names = new Set(params.map((p) => p.name.text));
  const subst: Subst = new Map();
  fn.node.parameters.forEach((p, i) => {
    const arg = call.arguments[i];
    if (!p.type || !arg) return;
    const t = typer.typeOf(arg);
    if (t) unify(file, fn, p.type, t, names, subst);
  });
  const out: Ty[] = [];
  for (const p of params) {
    const t = subst.get(p.name.text) ?? (p.default ? tyFromNode(file.mods, p.default, fn.module) : null);
    if (!t) {
      file.error(call, "ASYNC_TYPE", messages.typeArgument(p.name.text, call.expression.getText()));
      return null;
    }
    out.push(t);
  }
  return out;
}

/** Matches a parameter's declared type against an argument's type, binding type parameters. */
function unify(file: FileCtx, fn: AsyncFn, node: ts.TypeNode, t: Ty, names: Set<string>, subst: Subst): void {
  if (ts.isParenthesizedTypeNode(node)) return unify(file, fn, node.type, t, names, subst);
  if (ts.isUnionTypeNode(node)) {
    const rest = node.types.filter((x) => !(ts.isLiteralTypeNode(x) && x.literal.kind === ts.SyntaxKind.NullKeyword));
    if (rest.length === 1) unify(file, fn, rest[0]!, { ...t, nullable: false }, names, subst);
    return;
  }
  if (ts.isArrayTypeNode(node)) {
    if (t.args[0]) unify(file, fn, node.elementType, t.args[0], names, subst);
    return;
  }
  if (ts.isFunctionTypeNode(node)) {
    if (!t.fn) return;
    node.parameters.forEach((p, i) => {
      if (p.type && t.fn!.params[i]) unify(file, fn, p.type, t.fn!.params[i]!, names, subst);
    });
    const ret = node.type;
    if (t.fn.promise && ts.isTypeReferenceNode(ret) && ret.typeArguments?.[0]) unify(file, fn, ret.typeArguments[0], t.fn.promise, names, subst);
    return;
  }
  if (!ts.isTypeReferenceNode(node) || !ts.isIdentifier(node.typeName)) return;
  const name = node.typeName.text;
  if (names.has(name) && !node.typeArguments?.length) {
    if (!subst.has(name)) subst.set(name, t);
    return;
  }
  (node.typeArguments ?? []).forEach((a, i) => {
    if (t.args[i]) unify(file, fn, a, t.args[i]!, names, subst);
  });
}

/** `t` with type parameters replaced (what a call of a generic function resolves to). */
export function substitute(t: Ty, subst: Subst): Ty {
  if (!t.decl && !t.args.length && subst.has(t.name)) {
    const s = subst.get(t.name)!;
    return t.nullable ? { ...s, nullable: true } : s;
  }
  const args = t.args.map((a) => substitute(a, subst));
  const fnSig = t.fn ? { params: t.fn.params.map((p) => substitute(p, subst)), promise: t.fn.promise && substitute(t.fn.promise, subst) } : undefined;
  return { ...t, args, ...(fnSig ? { fn: fnSig } : {}) };
}

/** The substitution of a generic function's type parameters by a call's type arguments. */
export function substOf(fn: AsyncFn, args: Ty[]): Subst {
  const s: Subst = new Map();
  typeParamsOf(fn).forEach((p, i) => {
    if (args[i]) s.set(p.name.text, args[i]!);
  });
  return s;
}

/** `<T, U extends X>` of a declaration, as written (for generated generic declarations). */
export function typeParamsText(params: readonly ts.TypeParameterDeclaration[] | undefined): string {
  return params?.length ? `<${params.map((p) => p.getText()).join(", ")}>` : "";
}

/** `<T, U>`: the names only (for uses of a generic generated class inside the generic code). */
export function typeArgsText(params: readonly ts.TypeParameterDeclaration[] | undefined): string {
  return params?.length ? `<${params.map((p) => p.name.text).join(", ")}>` : "";
}
