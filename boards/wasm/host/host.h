/*
 * host.h — Outpost's reference host loop for interpreter boards.
 *
 * Portable C99, no allocation, no engine or board specifics: it drives the
 * firmware through engine.h and the hardware through platform.h, and keeps
 * the ABI's bookkeeping (boards/ABI.md) in one place:
 *
 *   ISR / platform ──► event queue, RX FIFOs ──► outpost_event (between polls)
 *   outpost_poll ──► deadline ──► platform_wait(min(deadline, stop), or an event)
 *
 * Three kinds of caller use this file:
 *   - the board's entry (main, app_main): outpost_host_init, set `config`
 *     and `stop_at_us`, then outpost_host_run;
 *   - the platform, from any context: outpost_host_uart_rx, _uart_tx_done,
 *     _gpio_edge, _uart_error, _has_events (each takes platform_lock);
 *   - the engine adapter, during a call into the firmware: the host_*
 *     functions, one per ABI import, with pointers already bounds-checked.
 *
 * Invariants: events reach the firmware only between polls; pins and ports
 * are claimed at most once; the event queue and RX FIFOs have fixed sizes
 * (overflow is counted, and an RX overflow is reported to the firmware as
 * a UART overrun).
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
#ifndef OUTPOST_HOST_RX_FIFO
#define OUTPOST_HOST_RX_FIFO 64
#endif
#ifndef OUTPOST_HOST_EVENTS
#define OUTPOST_HOST_EVENTS 32
#endif
/* Polls in a row that report ready tasks while the clock stands still: then the firmware is stuck. */
#ifndef OUTPOST_HOST_STALL_POLLS
#define OUTPOST_HOST_STALL_POLLS 100000
#endif

/* Exit statuses of outpost_host_run. */
#define OUTPOST_EXIT_OK 0     /* stop time reached, or nothing can happen any more */
#define OUTPOST_EXIT_LOAD 1   /* the engine refused the module */
#define OUTPOST_EXIT_ABI 2    /* ABI version mismatch */
#define OUTPOST_EXIT_PANIC 3  /* the firmware called panic */
#define OUTPOST_EXIT_TRAP 4   /* a trap without a panic, or a stall */

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
    uint8_t rx[OUTPOST_HOST_RX_FIFO];
    uint32_t rx_head;    /* next byte to read; rx_tail - rx_head bytes are buffered */
    uint32_t rx_tail;
} outpost_uart_state;

/* Firmware text after expansion: a deferred literal's 3 bytes print as up to 8 ("{#65535}"). */
#define OUTPOST_TEXT_CHARS (OUTPOST_SCRATCH_BYTES * 8 / 3 + 1)

typedef struct outpost_panic_record {
    int32_t code;
    int32_t task;
    int32_t line;
    int32_t column;
    char message[OUTPOST_TEXT_CHARS];
    char file[OUTPOST_TEXT_CHARS];
} outpost_panic_record;

typedef struct outpost_host {
    engine_config config;
    /* Stop when the clock reaches this time (µs); -1: run until no event can arrive. */
    int64_t stop_at_us;

    outpost_engine *engine;
    outpost_pin_state pins[OUTPOST_HOST_PINS];
    outpost_uart_state uarts[OUTPOST_HOST_UARTS];
    outpost_queued_event events[OUTPOST_HOST_EVENTS];
    uint32_t event_head;
    uint32_t event_tail;
    uint32_t events_dropped;
    int panicked;
    outpost_panic_record panic;
} outpost_host;

/* Defaults: 4 KiB engine stack, every declared memory page backed, no stop time. */
void outpost_host_init(outpost_host *host);

/*
 * Loads the firmware, checks its ABI version, runs outpost_init and then
 * the loop until the stop time or until nothing can happen. Diagnostics go
 * to platform_report. Returns an OUTPOST_EXIT_* status.
 */
int outpost_host_run(outpost_host *host, const uint8_t *wasm, uint32_t len);

/* ── Platform → host (any context) ──────────────────────────────────────── */
void outpost_host_uart_rx(outpost_host *host, int32_t port, const uint8_t *bytes, uint32_t count, int64_t at_us);
void outpost_host_uart_tx_done(outpost_host *host, int32_t port, int64_t at_us);
void outpost_host_uart_error(outpost_host *host, int32_t port, int32_t kind, int64_t at_us);
void outpost_host_gpio_edge(outpost_host *host, int32_t pin, int32_t level, int64_t at_us);
int outpost_host_has_events(outpost_host *host);

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
/* Records the panic; the adapter then returns a trap so the firmware stops. */
void host_panic(outpost_host *host, int32_t code, int32_t task, const uint8_t *msg, int32_t msg_len,
                const uint8_t *file, int32_t file_len, int32_t line, int32_t column);

#endif /* OUTPOST_HOST_H */
