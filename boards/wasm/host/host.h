/*
 * host.h — Outpost's host loop for C hosts: interpreter boards (wasm3) and
 * native images (wasm2c).
 *
 * Portable C99, no allocation, no engine or board specifics: it drives the
 * firmware through engine.h and the hardware through platform.h, and keeps
 * the ABI's bookkeeping (boards/ABI.md) in one place:
 *
 *   ISR / platform ──► event queue, RX FIFOs ──► outpost_event (between polls)
 *   outpost_poll ──► deadline ──► platform_wait(min(deadline, stop), or an event)
 *
 * Three kinds of caller use this file:
 *   - the board's entry (main, app_main): outpost_host_init, set `config`,
 *     `stop_at_us` and the optional names, then outpost_host_run;
 *   - the platform, from any context: outpost_host_uart_rx, _uart_tx_done,
 *     _gpio_edge, _uart_error, _has_events (each takes platform_lock), and
 *     from the loop's context: outpost_host_stop, outpost_host_report;
 *   - the engine adapter, during a call into the firmware: the host_*
 *     functions, one per ABI import, with pointers already bounds-checked.
 *
 * Invariants: events reach the firmware only between polls; pins and ports
 * are claimed at most once; the event queue and RX FIFOs have fixed sizes
 * (every byte lost to a full RX FIFO is one UART overrun for the firmware);
 * time stands still during a loop turn: every now_us and every report of
 * one turn carries the time the turn began, as in the simulator.
 *
 * Every line the host writes (logs, panics, traps, stalls) is built by
 * report.c, the one place that knows the transcript format.
 */
#ifndef OUTPOST_HOST_H
#define OUTPOST_HOST_H

#include <stdint.h>

#include "../outpost_abi.h"
#include "engine.h"

/* Sizes; a board may override them with -D. FIFO and queue sizes are powers of two. */
#ifndef OUTPOST_HOST_PINS
#define OUTPOST_HOST_PINS 64
#endif
#ifndef OUTPOST_HOST_UARTS
#define OUTPOST_HOST_UARTS 4
#endif
/* The largest RX FIFO of any port; each port's own size is `rx_fifo_bytes` (board.json rxFifo). */
#ifndef OUTPOST_HOST_RX_FIFO
#define OUTPOST_HOST_RX_FIFO 128
#endif
#ifndef OUTPOST_HOST_EVENTS
#define OUTPOST_HOST_EVENTS 32
#endif
/* Polls in a row that report ready tasks while the clock stands still: then the firmware is stuck. */
#ifndef OUTPOST_HOST_STALL_POLLS
#define OUTPOST_HOST_STALL_POLLS 100000
#endif
/*
 * Characters of one report line after expansion (a deferred literal's 3
 * bytes may print as a whole sentence). Longer text is cut at a whole
 * character. The default fits any firmware message with its literals
 * spelled out; small chips set less (boards/native: 320).
 */
#ifndef OUTPOST_TEXT_CHARS
#define OUTPOST_TEXT_CHARS 1400
#endif

/* The watchdog's budget for one call into the firmware (µs); 0 turns it off. */
#ifndef OUTPOST_HOST_WATCHDOG_US
#define OUTPOST_HOST_WATCHDOG_US 1000000
#endif

/* Deadlines after this (2^53 - 1 µs, 285 years) count as none, as in every host (boards/ABI.md). */
#define OUTPOST_HOST_LAST_DEADLINE 9007199254740991LL

/* Panics the host finds (boards/ABI.md), beside the firmware's own codes 1-5. */
#define OUTPOST_HOST_PANIC_ABI_VIOLATION 101  /* a bad pointer, a negative deadline */
#define OUTPOST_HOST_PANIC_WATCHDOG 102       /* a call did not return within the watchdog's budget */
/* outpost_panic_record.task of a host-found panic until the firmware is asked (outpost_current_task). */
#define OUTPOST_HOST_TASK_UNKNOWN (-2)

/* Exit statuses of outpost_host_run: the same numbers as `outpost sim` and `outpost run`. */
#define OUTPOST_EXIT_OK 0      /* stop time reached, or nothing can happen any more */
#define OUTPOST_EXIT_LOAD 1    /* the engine refused the module */
#define OUTPOST_EXIT_ABI 2     /* ABI version mismatch (a load error) */
#define OUTPOST_EXIT_PANIC 3   /* the firmware panicked, trapped or stalled */
#define OUTPOST_EXIT_TRAP OUTPOST_EXIT_PANIC

typedef struct outpost_queued_event {
    int32_t source;
    int32_t arg;
    int64_t at_us;
} outpost_queued_event;

typedef struct outpost_pin_state {
    uint8_t claimed;
    uint8_t mode;
    uint8_t level;  /* outputs: the driven level */
    uint8_t edges;  /* OUTPOST_EDGE_* being listened to */
} outpost_pin_state;

typedef struct outpost_uart_state {
    uint8_t claimed;
    uint8_t listen;      /* OUTPOST_UART_LISTEN_* */
    uint8_t rx_pending;  /* a UART_RX event is queued and not yet delivered */
    uint16_t rx_fifo_bytes;  /* this port's RX FIFO, at most OUTPOST_HOST_RX_FIFO */
    uint8_t rx[OUTPOST_HOST_RX_FIFO];
    uint32_t rx_head;    /* next byte to read; rx_tail - rx_head bytes are buffered */
    uint32_t rx_tail;
} outpost_uart_state;

/*
 * A panic as the firmware handed it over: its text is kept raw (deferred
 * tags and all) and spelled out only when reported. The default holds the
 * ABI's whole scratch buffer (message and file); small chips keep less
 * (the message is cut at a whole tag).
 */
#ifndef OUTPOST_PANIC_BYTES
#define OUTPOST_PANIC_BYTES OUTPOST_SCRATCH_BYTES
#endif
typedef struct outpost_panic_record {
    int32_t code;
    int32_t task;
    int32_t line;
    int32_t column;
    uint16_t message_len;
    uint16_t file_len;
    uint8_t raw[OUTPOST_PANIC_BYTES];  /* message, then file */
} outpost_panic_record;

/* Names for reports, from board.json and the build; any may be NULL (then numbers and {#n} are printed). */
typedef struct outpost_names {
    const char *const *pins;   /* by pin number; NULL entries print as "pin N" */
    uint32_t pin_count;
    const char *const *text;   /* the build's deferred literals (<name>.text.json) */
    uint32_t text_count;
} outpost_names;

typedef struct outpost_host {
    engine_config config;
    /* Stop when the clock reaches this time (µs), after that instant's work; -1: run until no event can arrive. */
    int64_t stop_at_us;
    outpost_names names;

    outpost_engine *engine;
    int64_t now_us;  /* the current turn's time */
    int64_t woke_at; /* set by outpost_host_woke during a wait, else -1 */
    outpost_pin_state pins[OUTPOST_HOST_PINS];
    outpost_uart_state uarts[OUTPOST_HOST_UARTS];
    outpost_queued_event events[OUTPOST_HOST_EVENTS];
    uint32_t event_head;
    uint32_t event_tail;
    uint32_t events_dropped;
    int panicked;
    int stop_status;  /* >= 0: outpost_host_stop was called */
    outpost_panic_record panic;
    /* The watchdog's budget per call (µs, OUTPOST_HOST_WATCHDOG_US by default; 0: off), and its state. */
    uint32_t watchdog_us;
    volatile int watchdog_fired;
    const char *volatile calling;  /* the export being called, for reports */
} outpost_host;

/* Defaults: 4 KiB engine stack, every declared memory page backed, no stop time, no names. */
void outpost_host_init(outpost_host *host);

/*
 * Loads the firmware, checks its ABI version, runs outpost_init and then
 * the loop until the stop time, until nothing can happen, or until
 * outpost_host_stop. Diagnostics go to platform_report. Returns an
 * OUTPOST_EXIT_* status, or the status given to outpost_host_stop.
 */
int outpost_host_run(outpost_host *host, const uint8_t *wasm, uint32_t len);

/* ── Platform → host (any context) ──────────────────────────────────────── */
void outpost_host_uart_rx(outpost_host *host, int32_t port, const uint8_t *bytes, uint32_t count, int64_t at_us);
void outpost_host_uart_tx_done(outpost_host *host, int32_t port, int64_t at_us);
void outpost_host_uart_error(outpost_host *host, int32_t port, int32_t kind, int64_t at_us);
void outpost_host_gpio_edge(outpost_host *host, int32_t pin, int32_t level, int64_t at_us);
int outpost_host_has_events(outpost_host *host);
/*
 * The platform's watchdog expired during a call into the firmware (from its
 * timer interrupt or signal handler). The first time it marks the call for
 * stopping and returns 0: an engine that can stop a call (it polls
 * outpost_host_watchdog_fired) traps, and the loop reports a WATCHDOG panic
 * naming the task; re-arm for a grace period. The second time it reports the
 * panic without the task and returns 1: reset the chip now (POSIX: exit with
 * OUTPOST_EXIT_PANIC).
 */
int outpost_host_watchdog_expired(outpost_host *host);
int outpost_host_watchdog_fired(const outpost_host *host);

/* ── Platform → host (the loop's context: inside platform_* calls) ──────── */
/* Ends the run after the current instant with `status` (an expectation was met or failed). */
void outpost_host_stop(outpost_host *host, int status);
/*
 * From platform_wait: the wait ended at `now_us` (the clock read once at
 * the wake, when work due then was done). The next turn runs at that time;
 * without this call the loop reads the clock again after the wait.
 */
void outpost_host_woke(outpost_host *host, int64_t now_us);
/* One stamped line, "[   1.500000] text", at the current turn's time. */
void outpost_host_report(outpost_host *host, const char *text);

/* ── Engine adapter → host: the ABI imports ─────────────────────────────── */
int64_t host_now_us(outpost_host *host);
int32_t host_gpio_configure(outpost_host *host, int32_t pin, int32_t mode);
void host_gpio_write(outpost_host *host, int32_t pin, int32_t level);
int32_t host_gpio_read(outpost_host *host, int32_t pin);
void host_gpio_listen(outpost_host *host, int32_t pin, int32_t edges);
int32_t host_uart_configure(outpost_host *host, int32_t port, int32_t baud, int32_t flags);
int32_t host_uart_write(outpost_host *host, int32_t port, const uint8_t *data, int32_t len);
int32_t host_uart_read(outpost_host *host, int32_t port, uint8_t *data, int32_t len);
void host_uart_listen(outpost_host *host, int32_t port, int32_t events);
void host_log(outpost_host *host, int32_t level, const uint8_t *text, int32_t len);
/*
 * A panic the host found (code OUTPOST_PANIC_PERIPHERAL or OUTPOST_HOST_PANIC_*); the host_* functions
 * call it for the ABI's runtime rules, adapters for a pointer outside memory. The adapter then traps,
 * as after host_panic: check `host->panicked` after every host_* call.
 */
void host_fault(outpost_host *host, int32_t code, const char *format, ...);
/* Records the panic; the adapter then returns a trap so the firmware stops. */
void host_panic(outpost_host *host, int32_t code, int32_t task, const uint8_t *msg, int32_t msg_len,
                const uint8_t *file, int32_t file_len, int32_t line, int32_t column);

/* ── report.c: every line the host writes ───────────────────────────────── */
/* Why a call into the firmware failed (a panic, or the engine's trap text); returns OUTPOST_EXIT_PANIC. */
int outpost_report_stop(outpost_host *host, const char *trap);
/* A stall: tasks stay ready at one instant. */
int outpost_report_stall(outpost_host *host);
void outpost_report_log(outpost_host *host, int32_t level, const uint8_t *text, int32_t len);
/* Firmware text as a C string (deferred tags spelled out); returns its length. */
uint32_t outpost_text(const outpost_host *host, char *dst, uint32_t cap, const uint8_t *src, int32_t len);
/* The canonical words for an engine's trap text ("[trap] unreachable executed" → "unreachable executed"). */
const char *outpost_trap_words(const char *trap);

#endif /* OUTPOST_HOST_H */
