/**
 * `outpost/hal`: the async peripheral traits and their ABI-backed
 * implementations. Drivers (`outpost/drivers/*`) import the traits only.
 *
 *   import { Output, Input, Pull, Uart, TimerDelay } from "outpost/hal";
 *
 * `outpost/hal/io_error` (orThrow, IoError) is imported on its own: its
 * errors are made at init, so only firmware that uses them pays for them.
 *
 * Imports here use package paths (`outpost/hal/x`), never `./x`: this file
 * is also reachable as `outpost/hal`, where `./` would mean the runtime.
 */
// Traits
export { OutputPin, InputPin, Wait } from "outpost/hal/digital";
export { Read, Write, BufRead } from "outpost/hal/io";
export { Delay } from "outpost/hal/delay";
export { Stream, StreamNext, StreamStatus } from "outpost/hal/stream";
// Errors
export { ErrorKind, isError, errorName } from "outpost/hal/error";
// Implementations
export { Output } from "outpost/hal/gpio_output";
export { Input, PinWait, WaitMode } from "outpost/hal/gpio_input";
export { Pull } from "outpost/hal/pins";
export { EdgeStream, EdgeNext, edgeTime, edgeLevel } from "outpost/hal/edge_stream";
export { Uart } from "outpost/hal/uart";
export { UartRead, UartFill, UartWrite, UartFlush } from "outpost/hal/uart_ops";
export { TimerDelay, DelayFuture } from "outpost/hal/timer_delay";
// Helpers
export { ReadExact, WriteAll } from "outpost/hal/io_helpers";
export { ByteStream, ByteNext } from "outpost/hal/byte_stream";
export { ChannelStream, ChannelNext } from "outpost/hal/channel_stream";
export { ByteBuf, bytesEqual } from "outpost/hal/bytes";
export { Op, OpState } from "outpost/hal/op";
