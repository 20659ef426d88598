/**
 * The browser twin of src/contract/board-files.ts (web/rollup.config.mjs
 * swaps it in): the page has no boards/ folder, so boards.ts reads the
 * board descriptions the server sent, which main.ts hands over with
 * `provideBoard` before the simulator loads.
 */
const boards = new Map<string, string>();

/** Makes board `name` known, with the text of its board.json. */
export function provideBoard(name: string, json: string): void {
  boards.set(name, json);
}

/** Names of every board the page was given, sorted. */
export function boardNames(): string[] {
  return [...boards.keys()].sort();
}

/** The text of board `name`'s board.json; boards.ts has checked the name with `boardNames`. */
export function readBoardFile(name: string): string {
  return boards.get(name)!;
}
