/*
 * host.c — the reference host loop (see host.h) and the ABI imports.
 *
 * Loop, one turn:
 *
 *   ┌─► stop time reached? ── yes ──► done
 *   │   deliver every queued event          outpost_event(source, arg, at)
 *   │   d = outpost_poll()
 *   │   d <= now (tasks still ready) ─────────────────────────────┐
 *   │   events queued meanwhile? ──────────────────────────────────┤
 *   │   platform_wait(min(d, stop)) ── NEVER (d = -1, no inputs) ──┼──► done
 *   └──────────────────────────────────────────────────────────────┘
 */
#include "host.h"

#include <stdio.h>
#include <string.h>

#include "platform.h"

/* ── Queue and FIFOs ─────────────────────────────────────────────────────── */

/* Caller holds platform_lock. */
static void queue_event(outpost_host *host, int32_t source, int32_t arg, int64_t at_us) {
    outpost_queued_event *slot;
    if (host->event_tail - host->event_head >= OUTPOST_HOST_EVENTS) {
        host->events_dropped++;
        return;
    }
    slot = &host->events[host->event_tail % OUTPOST_HOST_EVENTS];
    slot->source = source;
    slot->arg = arg;
    slot->at_us = at_us;
    host->event_tail++;
}

static int pop_event(outpost_host *host, outpost_queued_event *out) {
    int found = 0;
    platform_lock();
    if (host->event_tail != host->event_head) {
        *out = host->events[host->event_head % OUTPOST_HOST_EVENTS];
        host->event_head++;
        found = 1;
        if (out->source == OUTPOST_EVENT_UART_RX && out->arg >= 0 && out->arg < OUTPOST_HOST_UARTS) {
            host->uarts[out->arg].rx_pending = 0;  /* the next byte raises a new event */
        }
    }
    platform_unlock();
    return found;
}

int outpost_host_has_events(outpost_host *host) {
    int any;
    platform_lock();
    any = host->event_tail != host->event_head;
    platform_unlock();
    return any;
}

/* Caller holds platform_lock. */
static void raise_rx(outpost_host *host, int32_t port, int64_t at_us) {
    outpost_uart_state *uart = &host->uarts[port];
    if ((uart->listen & OUTPOST_UART_LISTEN_RX) && !uart->rx_pending && uart->rx_tail != uart->rx_head) {
        uart->rx_pending = 1;
        queue_event(host, OUTPOST_EVENT_UART_RX, port, at_us);
    }
}

void outpost_host_uart_rx(outpost_host *host, int32_t port, const uint8_t *bytes, uint32_t count, int64_t at_us) {
    outpost_uart_state *uart;
    int overrun = 0;
    uint32_t i;
    if (port < 0 || port >= OUTPOST_HOST_UARTS) return;
    platform_lock();
    uart = &host->uarts[port];
    if (uart->claimed) {
        for (i = 0; i < count; i++) {
            if (uart->rx_tail - uart->rx_head >= OUTPOST_HOST_RX_FIFO) {
                overrun = 1;  /* the byte is lost, as on hardware */
                continue;
            }
            uart->rx[uart->rx_tail % OUTPOST_HOST_RX_FIFO] = bytes[i];
            uart->rx_tail++;
        }
        raise_rx(host, port, at_us);
        if (overrun && (uart->listen & OUTPOST_UART_LISTEN_ERROR)) {
            queue_event(host, OUTPOST_EVENT_UART_ERROR, OUTPOST_UART_ERROR_ARG(port, OUTPOST_UART_OVERRUN), at_us);
        }
    }
    platform_unlock();
}

void outpost_host_uart_tx_done(outpost_host *host, int32_t port, int64_t at_us) {
    if (port < 0 || port >= OUTPOST_HOST_UARTS) return;
    platform_lock();
    if (host->uarts[port].listen & OUTPOST_UART_LISTEN_TX) queue_event(host, OUTPOST_EVENT_UART_TX, port, at_us);
    platform_unlock();
}

void outpost_host_uart_error(outpost_host *host, int32_t port, int32_t kind, int64_t at_us) {
    if (port < 0 || port >= OUTPOST_HOST_UARTS) return;
    platform_lock();
    if (host->uarts[port].listen & OUTPOST_UART_LISTEN_ERROR) {
        queue_event(host, OUTPOST_EVENT_UART_ERROR, OUTPOST_UART_ERROR_ARG(port, kind), at_us);
    }
    platform_unlock();
}

void outpost_host_gpio_edge(outpost_host *host, int32_t pin, int32_t level, int64_t at_us) {
    int32_t edge = level ? OUTPOST_EDGE_RISING : OUTPOST_EDGE_FALLING;
    if (pin < 0 || pin >= OUTPOST_HOST_PINS) return;
    platform_lock();
    if (host->pins[pin].edges & edge) queue_event(host, OUTPOST_EVENT_GPIO_EDGE, OUTPOST_GPIO_EDGE_ARG(pin, level ? 1 : 0), at_us);
    platform_unlock();
}

/* ── Imports ─────────────────────────────────────────────────────────────── */

int64_t host_now_us(outpost_host *host) {
    (void)host;
    return platform_now_us();
}

int32_t host_gpio_configure(outpost_host *host, int32_t pin, int32_t mode) {
    int32_t result;
    if (pin < 0 || pin >= OUTPOST_HOST_PINS) return OUTPOST_E_NO_PIN;
    if (mode < OUTPOST_PIN_INPUT || mode > OUTPOST_PIN_INPUT_PULLDOWN) return OUTPOST_E_BAD_CONFIG;
    if (host->pins[pin].claimed) return OUTPOST_E_PIN_BUSY;
    result = platform_gpio_configure(pin, mode);
    if (result != OUTPOST_OK) return result;
    host->pins[pin].claimed = 1;
    host->pins[pin].mode = (uint8_t)mode;
    host->pins[pin].level = 0;  /* outputs start low */
    return OUTPOST_OK;
}

static int is_output(outpost_host *host, int32_t pin) {
    return pin >= 0 && pin < OUTPOST_HOST_PINS && host->pins[pin].claimed && host->pins[pin].mode == OUTPOST_PIN_OUTPUT;
}

void host_gpio_write(outpost_host *host, int32_t pin, int32_t level) {
    uint8_t bit = level ? 1 : 0;
    if (!is_output(host, pin) || host->pins[pin].level == bit) return;  /* unchanged: nothing to drive */
    host->pins[pin].level = bit;
    platform_gpio_write(pin, bit);
}

int32_t host_gpio_read(outpost_host *host, int32_t pin) {
    if (pin < 0 || pin >= OUTPOST_HOST_PINS || !host->pins[pin].claimed) return 0;
    if (host->pins[pin].mode == OUTPOST_PIN_OUTPUT) return host->pins[pin].level;
    return platform_gpio_read(pin) ? 1 : 0;
}

void host_gpio_listen(outpost_host *host, int32_t pin, int32_t edges) {
    if (pin < 0 || pin >= OUTPOST_HOST_PINS || !host->pins[pin].claimed) return;
    platform_lock();
    host->pins[pin].edges = (uint8_t)(edges & OUTPOST_EDGE_BOTH);
    platform_unlock();
    platform_gpio_listen(pin, edges & OUTPOST_EDGE_BOTH);
}

int32_t host_uart_configure(outpost_host *host, int32_t port, int32_t baud, int32_t flags) {
    int32_t result;
    if (port < 0 || port >= OUTPOST_HOST_UARTS) return OUTPOST_E_NO_PORT;
    if (flags != OUTPOST_UART_8N1 || baud <= 0) return OUTPOST_E_BAD_CONFIG;
    if (host->uarts[port].claimed) return OUTPOST_E_PORT_BUSY;
    result = platform_uart_configure(port, baud, flags);
    if (result != OUTPOST_OK) return result;
    platform_lock();
    host->uarts[port].claimed = 1;
    platform_unlock();
    return OUTPOST_OK;
}

int32_t host_uart_write(outpost_host *host, int32_t port, const uint8_t *data, int32_t len) {
    if (port < 0 || port >= OUTPOST_HOST_UARTS || !host->uarts[port].claimed || len <= 0) return 0;
    return platform_uart_write(host, port, data, len);
}

int32_t host_uart_read(outpost_host *host, int32_t port, uint8_t *data, int32_t len) {
    outpost_uart_state *uart;
    int32_t n = 0;
    if (port < 0 || port >= OUTPOST_HOST_UARTS || len <= 0) return 0;
    platform_lock();
    uart = &host->uarts[port];
    while (n < len && uart->rx_head != uart->rx_tail) {
        data[n++] = uart->rx[uart->rx_head % OUTPOST_HOST_RX_FIFO];
        uart->rx_head++;
    }
    platform_unlock();
    return n;
}

void host_uart_listen(outpost_host *host, int32_t port, int32_t events) {
    if (port < 0 || port >= OUTPOST_HOST_UARTS || !host->uarts[port].claimed) return;
    platform_lock();
    host->uarts[port].listen = (uint8_t)(events & 7);
    raise_rx(host, port, platform_now_us());  /* bytes that came before listening are not forgotten */
    platform_unlock();
}

/* Appends code point c as UTF-8; 0, writing nothing, when it does not fit before the NUL. */
static int put_utf8(char *dst, size_t cap, size_t *n, uint32_t c) {
    static const uint8_t lead[] = {0, 0, 0xC0, 0xE0, 0xF0};
    size_t k = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    size_t j;
    if (*n + k >= cap) return 0;
    dst[*n] = (char)(k == 1 ? c : lead[k] | (c >> (6 * (k - 1))));
    for (j = 1; j < k; j++) dst[*n + j] = (char)(0x80 | ((c >> (6 * (k - 1 - j))) & 0x3F));
    *n += k;
    return 1;
}

/* Appends `bytes` of UTF-16LE as UTF-8 (a trailing odd byte is ignored); 0 when the output filled up. */
static int put_utf16(char *dst, size_t cap, size_t *n, const uint8_t *src, int32_t bytes) {
    int32_t i;
    for (i = 0; i + 1 < bytes; i += 2) {
        uint32_t c = (uint32_t)(src[i] | (src[i + 1] << 8));
        uint32_t d = i + 3 < bytes ? (uint32_t)(src[i + 2] | (src[i + 3] << 8)) : 0;
        if (c >= 0xD800 && c < 0xDC00 && d >= 0xDC00 && d < 0xE000) {
            c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
            i += 2;
        } else if (c >= 0xD800 && c < 0xE000) {
            c = 0xFFFD; /* a lone surrogate */
        }
        if (!put_utf8(dst, cap, n, c)) return 0;
    }
    return 1;
}

/*
 * Firmware text as a C string. Boards that defer message literals send
 * tags, bytes UTF-8 never uses, with little-endian operands (boards/ABI.md):
 * 0xFF and a u16 index in place of a literal (the literals are in the
 * build's <name>.text.json), printed as "{#index}", which `outpost decode
 * <name>.wasm` turns back into words; 0xFE, a u16 count n and n UTF-16 code
 * units, a string encoded here; 0xFD and an i64, printed in decimal. The
 * firmware cuts a message at its buffer's end: a cut string keeps its whole
 * code units, a cut reference or integer is dropped. Output stops, still
 * NUL-terminated, where the next piece does not fit.
 */
static void copy_text(char *dst, size_t cap, const uint8_t *src, int32_t len) {
    size_t n = 0;
    int32_t i = 0;
    while (i < len && n + 1 < cap) {
        if (src[i] < 0xFD) {
            dst[n++] = (char)src[i++];
        } else if (src[i] == 0xFE) {
            int32_t bytes;
            if (i + 2 >= len) break; /* the firmware's buffer ended inside the count */
            bytes = 2 * (src[i + 1] | (src[i + 2] << 8));
            i += 3;
            if (bytes > len - i) bytes = len - i; /* cut off: the whole code units there are */
            if (!put_utf16(dst, cap, &n, src + i, bytes)) break;
            i += bytes;
        } else if (src[i] == 0xFD && i + 8 < len) {
            /* The magnitude as unsigned: -2^63 has no positive int64_t. */
            uint64_t v = 0;
            int k, w;
            for (k = 8; k >= 1; k--) v = (v << 8) | src[i + k];
            w = snprintf(dst + n, cap - n, "%s%llu", v >> 63 ? "-" : "", (unsigned long long)(v >> 63 ? 0 - v : v));
            if (w < 0 || (size_t)w >= cap - n) break; /* no room for the whole number */
            n += (size_t)w;
            i += 9;
        } else if (src[i] == 0xFF && i + 2 < len) {
            int w = snprintf(dst + n, cap - n, "{#%u}", (unsigned)(src[i + 1] | (src[i + 2] << 8)));
            if (w < 0 || (size_t)w >= cap - n) break; /* no room for the whole reference */
            n += (size_t)w;
            i += 3;
        } else {
            break; /* the firmware's buffer ended inside a reference or integer */
        }
    }
    dst[n] = '\0';
}

/* "[   1.500000] ": seconds and µs, as the simulator prints them. */
static int stamp(char *line, size_t cap) {
    int64_t t = platform_now_us();
    return snprintf(line, cap, "[%4lld.%06lld] ", (long long)(t / 1000000), (long long)(t % 1000000));
}

void host_log(outpost_host *host, int32_t level, const uint8_t *text, int32_t len) {
    static const char *const names[] = {"log", "error", "warn", "info", "debug"};
    char message[OUTPOST_TEXT_CHARS];
    char line[OUTPOST_TEXT_CHARS + 64];
    int at;
    (void)host;
    copy_text(message, sizeof message, text, len);
    at = stamp(line, sizeof line);
    snprintf(line + at, sizeof line - (size_t)at, "%s: %s", names[level >= 1 && level <= 4 ? level : 0], message);
    platform_report(line);
}

void host_panic(outpost_host *host, int32_t code, int32_t task, const uint8_t *msg, int32_t msg_len,
                const uint8_t *file, int32_t file_len, int32_t line, int32_t column) {
    host->panicked = 1;
    host->panic.code = code;
    host->panic.task = task;
    host->panic.line = line;
    host->panic.column = column;
    copy_text(host->panic.message, sizeof host->panic.message, msg, msg_len);
    copy_text(host->panic.file, sizeof host->panic.file, file, file_len);
}

/* ── The loop ────────────────────────────────────────────────────────────── */

void outpost_host_init(outpost_host *host) {
    memset(host, 0, sizeof *host);
    host->config.stack_bytes = 4096;
    host->config.memory_limit = 0;
    host->stop_at_us = -1;
}

static const char *panic_name(int32_t code) {
    static const char *const names[] = {"ABORT", "POOL_FULL", "ALLOC_AFTER_INIT", "BUSY", "PERIPHERAL"};
    return code >= 1 && code <= 5 ? names[code - 1] : "UNKNOWN";
}

/* Reports why a call failed; returns the exit status. */
static int stopped(outpost_host *host, const char *during, const char *trap) {
    char line[2 * OUTPOST_TEXT_CHARS + 160];
    int at = stamp(line, sizeof line);
    size_t room = sizeof line - (size_t)at;
    if (host->panicked) {
        const outpost_panic_record *p = &host->panic;
        int n = snprintf(line + at, room, "panic %s ", panic_name(p->code));
        if (p->task >= 0) n += snprintf(line + at + n, room - (size_t)n, "in task %ld", (long)p->task);
        else n += snprintf(line + at + n, room - (size_t)n, "outside any task");
        snprintf(line + at + n, room - (size_t)n, ": %s", p->message);
        platform_report(line);
        if (p->file[0]) {
            snprintf(line, sizeof line, "    at %s:%ld:%ld", p->file, (long)p->line, (long)p->column);
            platform_report(line);
        }
        return OUTPOST_EXIT_PANIC;
    } else {
        int64_t task = -1;
        int n = snprintf(line + at, room, "trap during %s: %s", during, trap);
        /* ABI v1 allows this one call after a trap, to name the culprit. */
        if (engine_call(host->engine, ENGINE_current_task, 0, 0, 0, &task) == NULL && task >= 0) {
            snprintf(line + at + n, room - (size_t)n, " (in task %ld)", (long)task);
        }
        platform_report(line);
        return OUTPOST_EXIT_TRAP;
    }
}

static int finish(outpost_host *host, int status) {
    if (host->events_dropped) {
        char line[96];
        snprintf(line, sizeof line, "host: %lu events dropped (queue of %d full)", (unsigned long)host->events_dropped,
                 OUTPOST_HOST_EVENTS);
        platform_report(line);
    }
    engine_free(host->engine);
    host->engine = NULL;
    return status;
}

int outpost_host_run(outpost_host *host, const uint8_t *wasm, uint32_t len) {
    char line[192];
    const char *error;
    int64_t version = 0, deadline = 0, now, until, still_at = -1;
    uint32_t stalls = 0;
    outpost_queued_event event;

    error = engine_load(&host->engine, wasm, len, &host->config, host);
    if (error) {
        snprintf(line, sizeof line, "cannot load the firmware: %s", error);
        platform_report(line);
        host->engine = NULL;
        return OUTPOST_EXIT_LOAD;
    }
    error = engine_call(host->engine, ENGINE_abi_version, 0, 0, 0, &version);
    if (error) return finish(host, stopped(host, "outpost_abi_version", error));
    if (version != OUTPOST_ABI_VERSION) {
        snprintf(line, sizeof line, "firmware speaks ABI v%ld, this host speaks ABI v%d: rebuild the firmware with this Outpost version",
                 (long)version, OUTPOST_ABI_VERSION);
        platform_report(line);
        return finish(host, OUTPOST_EXIT_ABI);
    }
    error = engine_call(host->engine, ENGINE_init, 0, 0, 0, NULL);
    if (error) return finish(host, stopped(host, "outpost_init", error));

    for (;;) {
        now = platform_now_us();
        if (host->stop_at_us >= 0 && now >= host->stop_at_us) break;
        while (pop_event(host, &event)) {
            error = engine_call(host->engine, ENGINE_event, event.source, event.arg, event.at_us, NULL);
            if (error) return finish(host, stopped(host, "outpost_event", error));
        }
        error = engine_call(host->engine, ENGINE_poll, 0, 0, 0, &deadline);
        if (error) return finish(host, stopped(host, "outpost_poll", error));
        now = platform_now_us();
        if (deadline != OUTPOST_NO_DEADLINE && deadline <= now) {
            /* Tasks are still ready: poll again at once, unless time stands still. */
            stalls = now == still_at ? stalls + 1 : 0;
            still_at = now;
            if (stalls >= OUTPOST_HOST_STALL_POLLS) {
                return finish(host, stopped(host, "outpost_poll", "tasks stay ready but the clock does not advance (stall)"));
            }
            continue;
        }
        stalls = 0;
        until = deadline;
        if (host->stop_at_us >= 0 && (until == OUTPOST_NO_DEADLINE || until > host->stop_at_us)) until = host->stop_at_us;
        if (outpost_host_has_events(host)) continue;
        if (platform_wait(host, until) == PLATFORM_WAIT_NEVER) break;
    }
    return finish(host, OUTPOST_EXIT_OK);
}
