/**
 * The `outpost` firmware package: everything a firmware imports.
 *
 *   import { Task, TaskPool, Timer, Duration } from "outpost";
 */
export { Future, ValueFuture, cancelHeld, zeroOf } from "./future";
export { Task, TaskPool, TaskState } from "./task";
export { wake, scheduleWake, wakeMark, dropWakesSince, initFinished } from "./executor";
export { currentTaskId as currentTask } from "./current";
export { EventHandler, listen, unlisten } from "./events";
export { Duration, Instant, NO_DEADLINE } from "./time";
export { Timer } from "./timer";
export { Ticker } from "./ticker";
export { WithTimeout, withTimeout } from "./timeout";
export { Yield } from "./yield";
export { Join2, Join3, join, join3 } from "./futures/join";
export { Select2, Select3, select, select3 } from "./futures/select";
export { Signal } from "./sync/signal";
export { Channel, ChannelSend, ChannelReceive } from "./sync/channel";
export { Mutex, MutexLock } from "./sync/mutex";
export { WaiterSlots } from "./sync/waiter_slots";
export { log } from "./log";
export { Text, textOf, textPut } from "./text";
export { panicWith } from "./panic";
export { PanicCode } from "./abi";
