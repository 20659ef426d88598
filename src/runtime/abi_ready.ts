/**
 * `outpost_ready`, an export of Espruino builds only (boards/ABI.md, optional
 * exports): how many tasks are ready to run. Events only wake tasks, so after
 * delivering some a host may skip the poll when none is ready and no deadline
 * has come: it would only return the deadline it returned before. On Espruino
 * a poll costs a few hundred microseconds (boards/espruino/README.md), and a
 * UART_TX drain that nobody waits for is one per write. The entry file that
 * `outpost build` generates re-exports it for Espruino boards; other builds
 * leave it out, so their size does not change.
 */
import { runQueueHead, runQueueTail, STEP } from "./run_queue";

export function outpost_ready(): i32 {
  return <i32>((runQueueTail() - runQueueHead()) / STEP);
}
