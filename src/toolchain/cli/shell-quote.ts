/**
 * Quoting for the command lines Outpost prints for a user to paste into a
 * POSIX shell (`outpost new`'s next step, `outpost flash --dry-run`): a
 * word made only of characters no shell treats specially is printed as is,
 * anything else in single quotes.
 */

/** `arg` as one shell word. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./:=@+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
