/*
 * bench.h — the simulator's bench in C: what a platform without real
 * peripherals (a PC, an emulated board) uses to behave exactly like
 * `outpost sim`.
 *
 *   pins     levels from outputs, pulls and driven inputs; every change is
 *            reported ("[   0.500000] LED1 high") and listened edges raised
 *   UARTs    paced at line rate both ways (8N1, 10 bits a byte): RX bytes
 *            arrive one by one at start + ceil(k·10⁷ / baud) µs into the
 *            board's RX FIFO; TX bytes hold a TX FIFO slot until their stop
 *            bit is over, then go out (platform_bench_output) and, when the
 *            last has gone, raise UART_TX
 *   stimuli  bytes sent to a UART at a time, pin levels driven at a time
 *            (buttons with their contact bounce, worked out by the toolchain)
 *   goals    --expect-text / --fail-text on the console, with the
 *            simulator's outcome lines and exit codes (2, 4)
 *
 * Stimuli and goals come as one binary stimulus file that `outpost run`
 * and the tests write (format in bench.c); a platform may also send bytes
 * it reads itself (stdin) with outpost_bench_send.
 *
 * The platform calls outpost_bench_next/outpost_bench_run around its sleep
 * and forwards its platform_gpio_* and platform_uart_* calls here. Loop
 * context only; no allocation.
 */
#ifndef OUTPOST_BENCH_H
#define OUTPOST_BENCH_H

#include <stdint.h>

#include "host.h"

#ifndef OUTPOST_BENCH_TX_FIFO
#define OUTPOST_BENCH_TX_FIFO 128 /* the largest TX FIFO of any port (board.json txFifo) */
#endif
#ifndef OUTPOST_BENCH_SEGMENTS
#define OUTPOST_BENCH_SEGMENTS 8  /* sends to one UART still crossing the line */
#endif
#ifndef OUTPOST_BENCH_GOALS
#define OUTPOST_BENCH_GOALS 8     /* --expect-text and --fail-text texts */
#endif
#ifndef OUTPOST_BENCH_WINDOW
#define OUTPOST_BENCH_WINDOW 128  /* the longest text a goal may look for */
#endif

/* A port as board.json describes it. */
typedef struct outpost_bench_port {
    uint16_t tx_fifo;
    uint16_t rx_fifo;
    uint8_t console;
} outpost_bench_port;

typedef struct outpost_bench_pin {
    int8_t mode;      /* OUTPOST_PIN_*, -1 unconfigured */
    int8_t external;  /* level driven from outside, -1 none */
    uint8_t written;
    uint8_t level;
} outpost_bench_pin;

/* One direction of a line: a train of back-to-back bytes that started at `start`. */
typedef struct outpost_serial_line {
    int64_t start;
    int64_t count;
    int32_t baud;
} outpost_serial_line;

typedef struct outpost_bench_segment {
    const uint8_t *bytes;
    uint32_t len;
} outpost_bench_segment;

typedef struct outpost_bench_uart {
    int32_t baud;  /* 0 while not configured */
    outpost_bench_port spec;
    /* TX: bytes accepted, not yet off the wire; all ride the current train (a new one starts only when the line is idle) */
    outpost_serial_line tx_line;
    uint8_t tx[OUTPOST_BENCH_TX_FIFO];
    uint32_t tx_head, tx_tail;
    int64_t tx_departed;  /* bytes of the train that have left */
    /* RX: bytes on their way in (segments of sends), the train they ride */
    outpost_serial_line rx_line;
    int64_t rx_arrived;  /* bytes of the train that have arrived */
    outpost_bench_segment segments[OUTPOST_BENCH_SEGMENTS];
    uint32_t seg_head, seg_tail, seg_offset;
} outpost_bench_uart;

typedef struct outpost_bench_goal {
    const char *text;    /* the bytes looked for */
    uint32_t len;
    const char *quoted;  /* as the simulator quotes it: JSON */
    uint32_t quoted_len;
    uint8_t fail;        /* 1: --fail-text */
    uint8_t found;
} outpost_bench_goal;

typedef struct outpost_bench {
    outpost_host *host;
    outpost_bench_pin pins[OUTPOST_HOST_PINS];
    outpost_bench_uart uarts[OUTPOST_HOST_UARTS];
    int32_t console;  /* the console port, -1 none */
    char console_name[16];  /* "UART0" */
    /* the stimulus file: records left to play, in time order */
    const uint8_t *stimuli;
    uint32_t stimuli_len, stimuli_at;
    outpost_bench_goal goals[OUTPOST_BENCH_GOALS];
    uint32_t goal_count;
    const char *limit_words;  /* " within 10s" */
    uint32_t limit_words_len;
    uint8_t window[OUTPOST_BENCH_WINDOW];  /* the console's last bytes */
    uint32_t window_len;
} outpost_bench;

/* `ports` has OUTPOST_HOST_UARTS entries (board.json; a port the board lacks has tx_fifo 0). */
void outpost_bench_init(outpost_bench *bench, outpost_host *host, const outpost_bench_port *ports);

/*
 * Takes a stimulus file (kept by the caller for the whole run) and sets the
 * host's stop time from it. Returns NULL, or why the file is malformed.
 */
const char *outpost_bench_load(outpost_bench *bench, const uint8_t *file, uint32_t len);

/* Bytes (kept by the caller until they have arrived) sent to `port` at `at_us`, crossing at line rate. */
int outpost_bench_send(outpost_bench *bench, int32_t port, const uint8_t *bytes, uint32_t len, int64_t at_us);

/* When something is next due (µs), or -1. */
int64_t outpost_bench_next(const outpost_bench *bench);
/* Does everything due at or before `now_us`, in time order. */
void outpost_bench_run(outpost_bench *bench, int64_t now_us);
/* After the run: the outcome line of goals still pending at the stop time; the exit status to use. */
int outpost_bench_finish(outpost_bench *bench, int status);

/* The platform's platform.h functions forward here. */
int32_t outpost_bench_gpio_configure(outpost_bench *bench, int32_t pin, int32_t mode);
void outpost_bench_gpio_write(outpost_bench *bench, int32_t pin, int32_t level);
int32_t outpost_bench_gpio_read(outpost_bench *bench, int32_t pin);
int32_t outpost_bench_uart_configure(outpost_bench *bench, int32_t port, int32_t baud);
int32_t outpost_bench_uart_write(outpost_bench *bench, int32_t port, const uint8_t *data, int32_t len);

/* Provided by the platform: a byte's stop bit is over (console: stdout, or the emulated UART). */
void platform_bench_output(int32_t port, uint8_t byte);

#endif /* OUTPOST_BENCH_H */
