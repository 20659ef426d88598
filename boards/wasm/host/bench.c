/*
 * bench.c — see bench.h. The models follow sim/gpio.ts, sim/uart.ts and
 * sim/serial-line.ts line for line where timing is concerned, so that a
 * firmware sees the same µs on every host.
 *
 * Stimulus file (little-endian; src/toolchain/native/stimuli.ts writes it):
 *
 *   "OPST"  u32 version (1)  i64 stop_at_us (-1: none)
 *           u32 n, n bytes: " within 10s"   u32 n, n bytes: the console UART's name
 *   goals, then timed records in time order, then END:
 *     3 GOAL    u8 fail  u32 n, n bytes: text  u32 n, n bytes: the text as JSON
 *     1 SEND    u8 port  i64 at_us  u32 n, n bytes
 *     2 DRIVE   u8 pin   i64 at_us  i8 level (-1: let go)
 *     0 END
 */
#include "bench.h"

#include <string.h>

#include "format.h"
#include "platform.h"

#define BIT_TIME_SCALE 10000000LL /* 10 bits a byte × 10⁶ µs a second */
#define DEFAULT_SEND_BAUD 115200
enum { REC_END = 0, REC_SEND = 1, REC_DRIVE = 2, REC_GOAL = 3 };

/* ── Serial line timing (sim/serial-line.ts) ─────────────────────────────── */

static int64_t line_end(const outpost_serial_line *line, int64_t k) {
    return line->start + (k * BIT_TIME_SCALE + line->baud - 1) / line->baud;
}

static int64_t line_idle(const outpost_serial_line *line) {
    return line->baud ? line_end(line, line->count) : INT64_MIN;
}

/* When a byte handed to the line at `now` has fully crossed it. */
static int64_t line_next(outpost_serial_line *line, int64_t now, int32_t baud) {
    int64_t idle = line_idle(line);
    if (baud != line->baud || now > idle) {
        line->start = now > idle ? now : idle;
        line->count = 0;
        line->baud = baud;
    }
    line->count++;
    return line_end(line, line->count);
}

/* ── Pins (sim/gpio.ts) ──────────────────────────────────────────────────── */

static void pin_update(outpost_bench *bench, int32_t pin, int64_t at) {
    outpost_bench_pin *p = &bench->pins[pin];
    const char *name = pin < (int32_t)bench->host->names.pin_count ? bench->host->names.pins[pin] : NULL;
    char text[80];
    uint8_t level = p->mode == OUTPOST_PIN_OUTPUT ? p->written
                    : p->external >= 0            ? (uint8_t)p->external
                    : p->mode == OUTPOST_PIN_INPUT_PULLUP;
    if (level == p->level) return;
    p->level = level;
    if (name) outpost_format(text, sizeof text, "%.60s %s", name, level ? "high" : "low");
    else outpost_format(text, sizeof text, "pin %ld %s", (long)pin, level ? "high" : "low");
    outpost_host_report(bench->host, text);
    outpost_host_gpio_edge(bench->host, pin, level, at);
}

int32_t outpost_bench_gpio_configure(outpost_bench *bench, int32_t pin, int32_t mode) {
    bench->pins[pin].mode = (int8_t)mode;
    bench->pins[pin].written = 0;
    pin_update(bench, pin, bench->host->now_us);
    return OUTPOST_OK;
}

void outpost_bench_gpio_write(outpost_bench *bench, int32_t pin, int32_t level) {
    bench->pins[pin].written = level ? 1 : 0;
    pin_update(bench, pin, bench->host->now_us);
}

int32_t outpost_bench_gpio_read(outpost_bench *bench, int32_t pin) {
    return bench->pins[pin].level;
}

/* ── UARTs (sim/uart.ts) ─────────────────────────────────────────────────── */

int32_t outpost_bench_uart_configure(outpost_bench *bench, int32_t port, int32_t baud) {
    if (bench->uarts[port].spec.tx_fifo == 0 || baud <= 0) return OUTPOST_E_NO_PORT;
    bench->uarts[port].baud = baud;
    return OUTPOST_OK;
}

int32_t outpost_bench_uart_write(outpost_bench *bench, int32_t port, const uint8_t *data, int32_t len) {
    outpost_bench_uart *u = &bench->uarts[port];
    int32_t n = 0;
    while (n < len && u->tx_tail - u->tx_head < u->spec.tx_fifo) {
        int64_t count = u->tx_line.count;
        line_next(&u->tx_line, bench->host->now_us, u->baud);
        if (u->tx_line.count <= count) u->tx_departed = 0; /* a new train */
        u->tx[u->tx_tail++ % OUTPOST_BENCH_TX_FIFO] = data[n++];
    }
    return n;
}

int outpost_bench_send(outpost_bench *bench, int32_t port, const uint8_t *bytes, uint32_t len, int64_t at_us) {
    outpost_bench_uart *u;
    int32_t baud;
    if (port < 0 || port >= OUTPOST_HOST_UARTS || bench->uarts[port].spec.tx_fifo == 0) return 0;
    u = &bench->uarts[port];
    if (u->seg_tail - u->seg_head >= OUTPOST_BENCH_SEGMENTS || len == 0) return len == 0;
    baud = u->baud ? u->baud : DEFAULT_SEND_BAUD;
    /* All bytes join the line now, as in the simulator: a new train when the line is idle or the baud changed. */
    if (baud != u->rx_line.baud || at_us > line_idle(&u->rx_line)) {
        line_next(&u->rx_line, at_us, baud);
        u->rx_line.count = 0;
        u->rx_arrived = 0;
    }
    u->rx_line.count += len;
    u->segments[u->seg_tail % OUTPOST_BENCH_SEGMENTS].bytes = bytes;
    u->segments[u->seg_tail % OUTPOST_BENCH_SEGMENTS].len = len;
    u->seg_tail++;
    return 1;
}

/* A byte has crossed the line into the port: the host's FIFO takes it or counts an overrun. */
static void arrive(outpost_bench *bench, int32_t port, int64_t at) {
    outpost_bench_uart *u = &bench->uarts[port];
    outpost_bench_segment *s = &u->segments[u->seg_head % OUTPOST_BENCH_SEGMENTS];
    uint8_t byte = s->bytes[u->seg_offset++];
    u->rx_arrived++;
    if (u->seg_offset == s->len) {
        u->seg_head++;
        u->seg_offset = 0;
    }
    if (u->baud) outpost_host_uart_rx(bench->host, port, &byte, 1, at); /* not configured: lost */
}

/* ── Goals ───────────────────────────────────────────────────────────────── */

/* "T1", "T2" of the goals with found == `found` and fail == `fail`, after `prefix`; returns the line's length. */
static uint32_t quote_goals(const outpost_bench *bench, char *line, uint32_t cap, uint32_t at, int fail, int found) {
    uint32_t i, first = 1;
    for (i = 0; i < bench->goal_count; i++) {
        const outpost_bench_goal *g = &bench->goals[i];
        if (g->fail != fail || g->found != found) continue;
        if (!first && at + 2 < cap) {
            memcpy(line + at, ", ", 2);
            at += 2;
        }
        first = 0;
        if (at + g->quoted_len < cap) {
            memcpy(line + at, g->quoted, g->quoted_len);
            at += g->quoted_len;
        }
    }
    return at;
}

static void outcome(outpost_bench *bench, const char *status, int fail, int found, const char *tail, uint32_t tail_len) {
    char line[OUTPOST_TEXT_CHARS];
    uint32_t at = (uint32_t)strlen(status);
    memcpy(line, status, at);
    at = quote_goals(bench, line, sizeof line, at, fail, found);
    if (at + tail_len < sizeof line) {
        memcpy(line + at, tail, tail_len);
        at += tail_len;
    }
    line[at] = '\0';
    outpost_host_report(bench->host, line);
}

static void console_byte(outpost_bench *bench, uint8_t byte) {
    uint32_t i, expects = 0, met = 0;
    if (bench->window_len == OUTPOST_BENCH_WINDOW) {
        memmove(bench->window, bench->window + 1, OUTPOST_BENCH_WINDOW - 1);
        bench->window_len--;
    }
    bench->window[bench->window_len++] = byte;
    for (i = 0; i < bench->goal_count; i++) {
        outpost_bench_goal *g = &bench->goals[i];
        if (!g->found && g->len <= bench->window_len &&
            memcmp(bench->window + bench->window_len - g->len, g->text, g->len) == 0) {
            g->found = 1;
            if (g->fail) {
                /* The simulator names the first --fail-text that appeared. */
                char line[OUTPOST_TEXT_CHARS];
                outpost_format(line, sizeof line, "failed: %.*s appeared on %s", (int)g->quoted_len, g->quoted, bench->console_name);
                outpost_host_report(bench->host, line);
                outpost_host_stop(bench->host, 4);
                return;
            }
        }
        if (!g->fail) {
            expects++;
            met += g->found;
        }
    }
    if (expects > 0 && met == expects && bench->host->stop_status < 0) {
        char tail[48];
        outcome(bench, "passed: ", 0, 1, tail, outpost_format(tail, sizeof tail, " appeared on %s", bench->console_name));
        outpost_host_stop(bench->host, 0);
    }
}

int outpost_bench_finish(outpost_bench *bench, int status) {
    uint32_t i;
    char tail[128];
    uint32_t n;
    if (status != OUTPOST_EXIT_OK || bench->host->stop_status >= 0) return status;
    for (i = 0; i < bench->goal_count && (bench->goals[i].fail || bench->goals[i].found); i++) {}
    if (i == bench->goal_count) return status;
    n = outpost_format(tail, sizeof tail, " did not appear on %s%.*s", bench->console_name, (int)bench->limit_words_len,
                 bench->limit_words);
    outcome(bench, "timeout: ", 0, 0, tail, n);
    return 2;
}

/* ── Stimulus file ───────────────────────────────────────────────────────── */

static int64_t read_le(const uint8_t *p, int bytes) {
    uint64_t v = 0;
    int i;
    for (i = bytes - 1; i >= 0; i--) v = (v << 8) | p[i];
    return bytes == 8 ? (int64_t)v : (int64_t)(int32_t)(uint32_t)v;
}

/* Length-prefixed bytes at file[*at]; NULL when they run past the end. */
static const uint8_t *take_bytes(const uint8_t *file, uint32_t len, uint32_t *at, uint32_t *n) {
    const uint8_t *bytes;
    if (*at + 4 > len) return NULL;
    *n = (uint32_t)read_le(file + *at, 4);
    *at += 4;
    if (*n > len - *at) return NULL;
    bytes = file + *at;
    *at += *n;
    return bytes;
}

const char *outpost_bench_load(outpost_bench *bench, const uint8_t *file, uint32_t len) {
    uint32_t at = 16, n;
    const uint8_t *name;
    if (len < 21 || memcmp(file, "OPST", 4) != 0 || read_le(file + 4, 4) != 1) return "not an Outpost stimulus file (version 1)";
    bench->host->stop_at_us = read_le(file + 8, 8);
    bench->limit_words = (const char *)take_bytes(file, len, &at, &bench->limit_words_len);
    name = take_bytes(file, len, &at, &n);
    if (!name || n >= sizeof bench->console_name) return "the console's name is missing or too long";
    memcpy(bench->console_name, name, n);
    bench->console_name[n] = '\0';
    while (bench->limit_words && at < len && file[at] == REC_GOAL) {
        outpost_bench_goal *g = &bench->goals[bench->goal_count];
        if (bench->goal_count == OUTPOST_BENCH_GOALS || at + 2 > len) return "too many texts to expect";
        g->fail = file[at + 1];
        at += 2;
        g->text = (const char *)take_bytes(file, len, &at, &g->len);
        g->quoted = (const char *)take_bytes(file, len, &at, &g->quoted_len);
        if (!g->text || !g->quoted) return "a text to expect runs past the end of the file";
        if (g->len == 0 || g->len > OUTPOST_BENCH_WINDOW) return "a text to expect is empty or longer than the bench's window";
        bench->goal_count++;
    }
    if (!bench->limit_words) return "the file ends inside its header";
    bench->stimuli = file;
    bench->stimuli_len = len;
    bench->stimuli_at = at;
    return NULL;
}

/* The next timed record's time, or -1 at END. */
static int64_t record_at(const outpost_bench *bench) {
    uint32_t at = bench->stimuli_at;
    if (!bench->stimuli || at + 10 > bench->stimuli_len) return -1;
    if (bench->stimuli[at] != REC_SEND && bench->stimuli[at] != REC_DRIVE) return -1;
    return read_le(bench->stimuli + at + 2, 8);
}

static void play_record(outpost_bench *bench) {
    const uint8_t *file = bench->stimuli;
    uint32_t at = bench->stimuli_at;
    int32_t which = file[at + 1];
    int64_t when = read_le(file + at + 2, 8);
    at += 10;
    if (file[bench->stimuli_at] == REC_SEND) {
        uint32_t n;
        const uint8_t *bytes = take_bytes(file, bench->stimuli_len, &at, &n);
        if (bytes) outpost_bench_send(bench, which, bytes, n, when);
        else at = bench->stimuli_len;
    } else if (at < bench->stimuli_len && which < OUTPOST_HOST_PINS) {
        bench->pins[which].external = (int8_t)file[at++];
        pin_update(bench, which, when);
    } else {
        at = bench->stimuli_len;
    }
    bench->stimuli_at = at;
}

/* ── Scheduling ──────────────────────────────────────────────────────────── */

static void earliest(int64_t *best, int64_t t) {
    if (t >= 0 && (*best < 0 || t < *best)) *best = t;
}

int64_t outpost_bench_next(const outpost_bench *bench) {
    int64_t best = record_at(bench);
    int32_t port;
    for (port = 0; port < OUTPOST_HOST_UARTS; port++) {
        const outpost_bench_uart *u = &bench->uarts[port];
        if (u->tx_tail != u->tx_head) earliest(&best, line_end(&u->tx_line, u->tx_departed + 1));
        if (u->seg_tail != u->seg_head) earliest(&best, line_end(&u->rx_line, u->rx_arrived + 1));
    }
    return best;
}

void outpost_bench_run(outpost_bench *bench, int64_t now_us) {
    int64_t t;
    while ((t = outpost_bench_next(bench)) >= 0 && t <= now_us) {
        int32_t port;
        bench->host->now_us = t; /* what happens now is reported at its own µs */
        if (record_at(bench) == t) {
            play_record(bench);
            continue;
        }
        for (port = 0; port < OUTPOST_HOST_UARTS; port++) {
            outpost_bench_uart *u = &bench->uarts[port];
            if (u->seg_tail != u->seg_head && line_end(&u->rx_line, u->rx_arrived + 1) == t) {
                arrive(bench, port, t);
                break;
            }
            if (u->tx_tail != u->tx_head && line_end(&u->tx_line, u->tx_departed + 1) == t) {
                uint8_t byte = u->tx[u->tx_head++ % OUTPOST_BENCH_TX_FIFO];
                u->tx_departed++;
                platform_bench_output(port, byte);
                if (port == bench->console) console_byte(bench, byte);
                if (u->tx_tail == u->tx_head) outpost_host_uart_tx_done(bench->host, port, t);
                break;
            }
        }
    }
}

void outpost_bench_init(outpost_bench *bench, outpost_host *host, const outpost_bench_port *ports) {
    int32_t i;
    memset(bench, 0, sizeof *bench);
    bench->host = host;
    bench->console = -1;
    for (i = 0; i < OUTPOST_HOST_PINS; i++) {
        bench->pins[i].mode = -1;
        bench->pins[i].external = -1;
    }
    for (i = 0; i < OUTPOST_HOST_UARTS; i++) {
        bench->uarts[i].spec = ports[i];
        /* A build whose firmware uses no UART has 1-byte FIFOs: never let the board's sizes pass them. */
        if (ports[i].tx_fifo > OUTPOST_BENCH_TX_FIFO) bench->uarts[i].spec.tx_fifo = OUTPOST_BENCH_TX_FIFO;
        if (ports[i].rx_fifo > OUTPOST_HOST_RX_FIFO) bench->uarts[i].spec.rx_fifo = OUTPOST_HOST_RX_FIFO;
        if (ports[i].rx_fifo) host->uarts[i].rx_fifo_bytes = bench->uarts[i].spec.rx_fifo;
        if (ports[i].console && bench->console < 0) bench->console = i;
    }
}
