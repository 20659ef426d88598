/**
 * JavaScript that AssemblyScript does not parse, in code the lowering
 * leaves as written (everything outside async functions and generators,
 * whose own rewriting takes logical assignments and refuses optional
 * chaining): `x ||= v`, `x &&= v`, `x ??= v` and `p?.read()` are refused
 * at file:line:col with what to write instead, where asc would say only
 * "Expression expected". Called by the session for every user and hal/ file;
 * a file that contains none of the four tokens is not walked.
 */
import ts from "typescript";
import { messages } from "./errors.ts";
import type { FileCtx } from "./file.ts";
import { hasModifier } from "./modules.ts";
import { excerpt } from "./syntax.ts";

const LOGICAL: Partial<Record<ts.SyntaxKind, (target: string) => string>> = {
  [ts.SyntaxKind.BarBarEqualsToken]: (t) => `!${t}`,
  [ts.SyntaxKind.AmpersandAmpersandEqualsToken]: (t) => t,
  [ts.SyntaxKind.QuestionQuestionEqualsToken]: (t) => `${t} == null`,
};

export function checkSyncSyntax(file: FileCtx): void {
  const sf = file.module.sf;
  if (!/&&=|\|\|=|\?\?=|\?\./.test(sf.text)) return;
  const visit = (n: ts.Node): void => {
    // Async functions and generators are the lowering's: it rewrites or refuses these there itself.
    if (ts.isFunctionLike(n) && (hasModifier(n, ts.SyntaxKind.AsyncKeyword) || ("asteriskToken" in n && n.asteriskToken))) return;
    if (ts.isBinaryExpression(n)) {
      const condition = LOGICAL[n.operatorToken.kind];
      if (condition) {
        const target = excerpt(n.left);
        file.error(n.operatorToken, "ASYNC_SYNTAX", messages.logicalAssignment(excerpt(n), `if (${condition(target)}) ${target} = ${excerpt(n.right)}`));
      }
    }
    if ((ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isCallExpression(n)) && n.questionDotToken) {
      file.error(n.questionDotToken, "ASYNC_SYNTAX", messages.optionalChaining(excerpt(n)));
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
