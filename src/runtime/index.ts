/**
 * The `outpost` firmware package: everything a firmware imports.
 *
 *   import { Task, TaskPool, Timer, Duration } from "outpost";
 */
export { Future, ValueFuture } from "./future";
export { Task, TaskPool, TaskState } from "./task";
export { wake, scheduleWake, currentTask, initFinished } from "./executor";
export { EventHandler, listen, unlisten } from "./events";
export { Duration, Instant, NO_DEADLINE } from "./time";
export { Timer } from "./timer";
export { Yield } from "./yield";
export { log } from "./log";
export { panicWith } from "./panic";
export { PanicCode } from "./abi";
