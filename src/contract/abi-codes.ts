/**
 * The numbers of Outpost ABI v1 (boards/ABI.md), as every host sees them.
 *
 * One table per ABI table: pin modes, event sources, configure error codes
 * and panic codes. Every host and tool that speaks to the firmware takes its
 * numbers from here, so a change to ABI.md is a change to this file only.
 */

export const ABI_VERSION = 1;

/** The exports every host calls. */
export const HOST_EXPORTS = ["memory", "outpost_abi_version", "outpost_init", "outpost_poll", "outpost_event"] as const;
/** Task introspection: every build exports these but a release build (`outpost build --release`). */
export const INTROSPECTION_EXPORTS = [
  "outpost_task_count", "outpost_task_name", "outpost_task_state", "outpost_task_polls",
  "outpost_task_size", "outpost_task_site", "outpost_task_chain", "outpost_current_task", "outpost_scratch",
] as const;
/** The heap top, which `outpost size` reads: kept by release builds too. */
export const HEAP_TOP_EXPORT = "outpost_heap_top";
/** The running task's id, which every host reads after a trap to name the culprit: kept by release builds too. */
export const CURRENT_TASK_EXPORT = "outpost_current_task";
/** How many tasks are ready: exported by Espruino builds, whose glue skips a poll with nothing to do (src/runtime/abi_ready.ts). */
export const READY_EXPORT = "outpost_ready";

/**
 * Every function signature of ABI v1, in the notation of outpost_abi.h
 * (wasm3's): the result letter, then the parameters in parentheses; `v`
 * none, `i` i32, `I` i64, `f` f32, `F` f64. Hosts check a module against
 * these at load (abi-contract.ts; boards/wasm/host/abi_check.c).
 */
export const IMPORT_SIGNATURES: Readonly<Record<string, string>> = {
  now_us: "I()",
  gpio_configure: "i(ii)",
  gpio_write: "v(ii)",
  gpio_read: "i(i)",
  gpio_listen: "v(ii)",
  uart_configure: "i(iii)",
  uart_write: "i(iii)",
  uart_read: "i(iii)",
  uart_listen: "v(ii)",
  log: "v(iii)",
  panic: "v(iiiiiiii)",
};
export const EXPORT_SIGNATURES: Readonly<Record<string, string>> = {
  outpost_abi_version: "i()",
  outpost_init: "v()",
  outpost_poll: "I()",
  outpost_event: "v(iiI)",
  outpost_task_count: "i()",
  outpost_task_name: "i(i)",
  outpost_task_state: "i(i)",
  outpost_task_polls: "i(i)",
  outpost_task_size: "i(i)",
  outpost_task_site: "i(i)",
  outpost_task_chain: "i(i)",
  outpost_current_task: "i()",
  outpost_scratch: "i()",
  outpost_heap_top: "i()",
};

/** `outpost_poll`'s "no deadline"; any other negative deadline is an ABI violation. */
export const NO_DEADLINE = -1;
/** Deadlines after this (2^53 − 1 µs, 285 years) mean no deadline on every host: time never gets there. */
export const LAST_DEADLINE = Number.MAX_SAFE_INTEGER;

/** `gpio_configure` modes. */
export const PIN_MODES = ["INPUT", "OUTPUT", "INPUT_PULLUP", "INPUT_PULLDOWN"] as const;
export type PinModeName = (typeof PIN_MODES)[number];
export const MODE_OUTPUT = 1;

/** `gpio_listen` edge bits. */
export const EDGE_RISING = 1;
export const EDGE_FALLING = 2;

/** `uart_listen` event bits. */
export const LISTEN_RX = 1;
export const LISTEN_TX = 2;
export const LISTEN_ERROR = 4;

/** `outpost_event` sources. */
export const EVENT_GPIO_EDGE = 1;
export const EVENT_UART_RX = 2;
export const EVENT_UART_TX = 3;
export const EVENT_UART_ERROR = 4;

/** `UART_ERROR` kinds (`arg = port | kind << 8`). */
export const UART_OVERRUN = 1;
export const UART_FRAMING = 2;

/** Results of `*_configure`. */
export const OK = 0;
export const E_NO_PIN = -1;
export const E_PIN_BUSY = -2;
export const E_NO_PORT = -3;
export const E_PORT_BUSY = -4;
export const E_BAD_CONFIG = -5;

/**
 * Why the firmware stopped. The first five are the ABI's `panic` codes
 * (value = index + 1); the rest are found by the host:
 * TRAP          a WebAssembly trap with no `panic` call before it
 * ABI_VIOLATION the firmware broke a rule of ABI.md (bad pointer, unknown import)
 * STALL         `outpost_poll` kept returning deadlines <= now: virtual time cannot advance
 * WATCHDOG      a call into the firmware did not return within the watchdog's budget
 * UNKNOWN       `panic` with a code this host does not know (the message names it)
 */
export const ABI_PANIC_CODES = ["ABORT", "POOL_FULL", "ALLOC_AFTER_INIT", "BUSY", "PERIPHERAL"] as const;
export type PanicCode = (typeof ABI_PANIC_CODES)[number] | "TRAP" | "ABI_VIOLATION" | "STALL" | "WATCHDOG" | "UNKNOWN";

export function panicCodeName(value: number): PanicCode {
  return ABI_PANIC_CODES[value - 1] ?? "UNKNOWN";
}

/** `outpost_task_state` values. */
export const TASK_STATES = ["free", "ready", "parked", "finished"] as const;
export type TaskState = (typeof TASK_STATES)[number];
