// For the browser page's panic banner (test/browser/reports.test.ts): task
// "checker" waits 250 ms, then fails an assert, an ABORT panic that names
// this file, line and column, so the report shows the source line.
import { TaskPool } from "outpost";
import { OnceAt } from "./lib/once_at";

class Checker extends OnceAt {
  constructor() {
    super();
    this.at = 250_000;
  }

  act(): void {
    assert(this.at < 0, "the checker's deadline is in the past");
  }
}

const checkers = new TaskPool<Checker>("checker", 1);

export function main(): void {
  checkers.spawn();
}
