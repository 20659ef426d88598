/*
 * outpost_abi.h — Outpost ABI v1 for native hosts (C99).
 *
 * The binary interface between an Outpost firmware (a WebAssembly module)
 * and a host that runs it in an interpreter (wasm3, WAMR). boards/ABI.md is
 * the authority; this header is its C transcription, checked against it by
 * test/wasm/abi-header.test.ts. A host includes it to name imports, exports
 * and every numeric code; it declares no functions (see host/ for a
 * reference host built on it).
 *
 * The firmware is a reactor: the host owns the loop and calls in.
 *
 *   instantiate (start function runs)
 *   outpost_abi_version() == OUTPOST_ABI_VERSION, else refuse to run
 *   outpost_init()
 *   loop:
 *     deliver queued events       outpost_event(source, arg, at_us)  (only wakes)
 *     d = outpost_poll()          runs ready tasks, returns the next deadline
 *     sleep until min(d, next event)   (d <= now: poll again; d == -1: no deadline)
 *
 * Types: i32/i64 are WebAssembly values; time is i64 microseconds on the
 * host's monotonic clock, 0 at boot; a pointer is an i32 byte offset into
 * the exported memory; strings are UTF-8 (ptr, len), never NUL-terminated.
 */
#ifndef OUTPOST_ABI_H
#define OUTPOST_ABI_H

#include <stdint.h>

#define OUTPOST_ABI_VERSION 1

/* ── Imports: module "outpost" (host → firmware) ──────────────────────────
 *
 * X(name, wasm3 signature, meaning). Signature letters: v void, i i32, I i64.
 *
 *   now_us         I()           current time in µs
 *   gpio_configure i(ii)         (pin, mode) claims a pin: OUTPOST_OK or an error code
 *   gpio_write     v(ii)         (pin, level) drives an output: 0 low, 1 high
 *   gpio_read      i(i)          (pin) level 0 or 1 (outputs: the driven level)
 *   gpio_listen    v(ii)         (pin, edges) OUTPOST_EDGE_* bits raise GPIO_EDGE; 0 stops
 *   uart_configure i(iii)        (port, baud, flags) claims a port; flags 0 = 8N1
 *   uart_write     i(iii)        (port, ptr, len) bytes accepted into the TX FIFO (0 when full)
 *   uart_read      i(iii)        (port, ptr, len) bytes moved out of the RX FIFO (0 when empty)
 *   uart_listen    v(ii)         (port, events) OUTPOST_UART_LISTEN_* bits; 0 stops
 *   log            v(iii)        (level, ptr, len) one log line, OUTPOST_LOG_*
 *   panic          v(iiiiiiii)   (code, task, msg, msg_len, file, file_len, line, column)
 *                                the firmware cannot go on; it executes `unreachable`
 *                                right after, and the host stops calling in.
 */
#define OUTPOST_IMPORT_MODULE "outpost"
#define OUTPOST_IMPORTS(X)                 \
    X(now_us, "I()")                       \
    X(gpio_configure, "i(ii)")             \
    X(gpio_write, "v(ii)")                 \
    X(gpio_read, "i(i)")                   \
    X(gpio_listen, "v(ii)")                \
    X(uart_configure, "i(iii)")            \
    X(uart_write, "i(iii)")                \
    X(uart_read, "i(iii)")                 \
    X(uart_listen, "v(ii)")                \
    X(log, "v(iii)")                       \
    X(panic, "v(iiiiiiii)")

/* ── Exports (firmware → host) ────────────────────────────────────────────
 *
 *   memory                                  linear memory
 *   outpost_abi_version   i()               always OUTPOST_ABI_VERSION
 *   outpost_init          v()               runs main(), seals the heap; once
 *   outpost_poll          I()               next deadline; <= now: call again; -1: none
 *   outpost_event         v(iiI)            (source, arg, at_us): only wakes tasks
 *   outpost_task_count    i()               task slots
 *   outpost_task_name     i(i)              (id) writes the name at outpost_scratch(),
 *                                           returns its length; -1 for a bad id
 *   outpost_task_state    i(i)              (id) OUTPOST_TASK_*
 *   outpost_task_polls    i(i)              (id) polls so far (wraps at 2^32)
 *   outpost_task_size     i(i)              (id) bytes of the task object; optional
 *   outpost_task_site     i(i)              (id) await site parked at, -1 none; optional
 *   outpost_task_chain    i(i)              (id) await chain: site ids (i32) at outpost_scratch(),
 *                                           outermost first; returns how many; optional
 *   outpost_current_task  i()               task being polled, -1 outside a poll;
 *                                           read it after a trap to name the culprit
 *   outpost_scratch       i()               pointer to the string buffer for the host
 *   outpost_heap_top      i()               bump pointer; never moves after init
 */
#define OUTPOST_EXPORTS(X)                           \
    X(abi_version, "outpost_abi_version", "i()")     \
    X(init, "outpost_init", "v()")                   \
    X(poll, "outpost_poll", "I()")                   \
    X(event, "outpost_event", "v(iiI)")              \
    X(task_count, "outpost_task_count", "i()")       \
    X(task_name, "outpost_task_name", "i(i)")        \
    X(task_state, "outpost_task_state", "i(i)")      \
    X(task_polls, "outpost_task_polls", "i(i)")      \
    X(task_size, "outpost_task_size", "i(i)")        \
    X(task_site, "outpost_task_site", "i(i)")        \
    X(task_chain, "outpost_task_chain", "i(i)")      \
    X(current_task, "outpost_current_task", "i()")   \
    X(scratch, "outpost_scratch", "i()")             \
    X(heap_top, "outpost_heap_top", "i()")

#define OUTPOST_EXPORT_MEMORY "memory"

/* outpost_poll: no deadline; sleep until an event. */
#define OUTPOST_NO_DEADLINE (-1)
/* outpost_poll runs at most this many task polls per call. */
#define OUTPOST_POLL_BUDGET 1024
/* outpost_scratch: the host may read at least this many bytes there. */
#define OUTPOST_SCRATCH_BYTES 512

/* ── Pin modes (gpio_configure) ─────────────────────────────────────────── */
#define OUTPOST_PIN_INPUT 0          /* floating */
#define OUTPOST_PIN_OUTPUT 1         /* push-pull, starts low */
#define OUTPOST_PIN_INPUT_PULLUP 2
#define OUTPOST_PIN_INPUT_PULLDOWN 3

/* ── gpio_listen edge bits ──────────────────────────────────────────────── */
#define OUTPOST_EDGE_RISING 1
#define OUTPOST_EDGE_FALLING 2
#define OUTPOST_EDGE_BOTH 3

/* ── uart_listen event bits ─────────────────────────────────────────────── */
#define OUTPOST_UART_LISTEN_RX 1
#define OUTPOST_UART_LISTEN_TX 2
#define OUTPOST_UART_LISTEN_ERROR 4

/* ── uart_configure flags ───────────────────────────────────────────────── */
#define OUTPOST_UART_8N1 0

/* ── log levels ─────────────────────────────────────────────────────────── */
#define OUTPOST_LOG_ERROR 1
#define OUTPOST_LOG_WARN 2
#define OUTPOST_LOG_INFO 3
#define OUTPOST_LOG_DEBUG 4

/* ── Events (outpost_event source) ──────────────────────────────────────────
 *
 *   source                    arg                       raised when
 *   GPIO_EDGE   1             pin | level << 16         a listened edge happened at at_us
 *   UART_RX     2             port                      a byte entered the RX FIFO
 *                                                       (per byte or per burst)
 *   UART_TX     3             port                      the TX FIFO became empty
 *   UART_ERROR  4             port | kind << 8          kind: OUTPOST_UART_OVERRUN, _FRAMING
 *
 * Delivered between polls, never during one: a native host queues
 * interrupts and drains the queue before outpost_poll.
 */
#define OUTPOST_EVENT_GPIO_EDGE 1
#define OUTPOST_EVENT_UART_RX 2
#define OUTPOST_EVENT_UART_TX 3
#define OUTPOST_EVENT_UART_ERROR 4

#define OUTPOST_GPIO_EDGE_ARG(pin, level) ((int32_t)(pin) | ((int32_t)(level) << 16))
#define OUTPOST_UART_ERROR_ARG(port, kind) ((int32_t)(port) | ((int32_t)(kind) << 8))
#define OUTPOST_UART_OVERRUN 1
#define OUTPOST_UART_FRAMING 2

/* ── Results of *_configure ─────────────────────────────────────────────── */
#define OUTPOST_OK 0
#define OUTPOST_E_NO_PIN (-1)      /* the board has no such pin */
#define OUTPOST_E_PIN_BUSY (-2)    /* the pin is already configured */
#define OUTPOST_E_NO_PORT (-3)     /* the board has no such UART */
#define OUTPOST_E_PORT_BUSY (-4)   /* the UART is already configured */
#define OUTPOST_E_BAD_CONFIG (-5)  /* unsupported mode, baud rate or flags */

/* ── Panic codes (panic) ────────────────────────────────────────────────── */
#define OUTPOST_PANIC_ABORT 1             /* abort(), failed assert, bounds check */
#define OUTPOST_PANIC_POOL_FULL 2         /* spawning into a full task pool */
#define OUTPOST_PANIC_ALLOC_AFTER_INIT 3  /* heap allocation after outpost_init */
#define OUTPOST_PANIC_BUSY 4              /* second operation on a busy peripheral */
#define OUTPOST_PANIC_PERIPHERAL 5        /* a *_configure call failed */

/* ── Task states (outpost_task_state) ───────────────────────────────────── */
#define OUTPOST_TASK_FREE 0
#define OUTPOST_TASK_READY 1
#define OUTPOST_TASK_PARKED 2
#define OUTPOST_TASK_FINISHED 3

/*
 * Memory rules: the host writes firmware memory only inside uart_read's
 * [ptr, ptr+len); pointers handed to imports are valid only during the
 * call; the firmware never sizes itself from memory.size (hosts may back
 * less than the pages they report); calls into the firmware never nest.
 */

#endif /* OUTPOST_ABI_H */
