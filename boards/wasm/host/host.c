/*
 * host.c — the host loop (see host.h) and the ABI imports.
 *
 * Loop, one turn (the clock is read at start and after each sleep, never
 * during a turn: a firmware sees time stand still while it runs, as in the
 * simulator, and a task that never waits is a stall on every host):
 *
 *   ┌─► deliver every queued event          outpost_event(source, arg, at)
 *   │   d = outpost_poll()
 *   │   d <= now (tasks still ready) ─────────────────────────────┐
 *   │   events queued meanwhile? ──────────────────────────────────┤
 *   │   stop time reached, or outpost_host_stop? ── yes ──► done   │
 *   │   platform_wait(min(d, stop)) ── NEVER (d = -1, no inputs) ──┼──► done
 *   └──────────────────────────────────────────────────────────────┘
 *
 * Work due exactly at the stop time still runs, as in the simulator.
 */
#include "host.h"

#include <stdarg.h>
#include <string.h>

#ifndef OUTPOST_ENGINE_BUILTIN
#include "abi_check.h"
#endif
#include "format.h"
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
    uint32_t i;
    if (port < 0 || port >= OUTPOST_HOST_UARTS) return;
    platform_lock();
    uart = &host->uarts[port];
    if (uart->claimed) {
        for (i = 0; i < count; i++) {
            if (uart->rx_tail - uart->rx_head >= uart->rx_fifo_bytes) {
                /* The byte is lost, as on hardware: one overrun each (ABI.md). */
                if (uart->listen & OUTPOST_UART_LISTEN_ERROR) {
                    queue_event(host, OUTPOST_EVENT_UART_ERROR, OUTPOST_UART_ERROR_ARG(port, OUTPOST_UART_OVERRUN), at_us);
                }
                continue;
            }
            uart->rx[uart->rx_tail % OUTPOST_HOST_RX_FIFO] = bytes[i];
            uart->rx_tail++;
            raise_rx(host, port, at_us);
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

void outpost_host_woke(outpost_host *host, int64_t now_us) {
    host->woke_at = now_us;
}

void outpost_host_stop(outpost_host *host, int status) {
    if (host->stop_status < 0) host->stop_status = status;
}

/* ── Imports ─────────────────────────────────────────────────────────────── */

int64_t host_now_us(outpost_host *host) {
    return host->now_us;
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

/*
 * Records a panic the host found (boards/ABI.md: a rule the firmware broke);
 * the adapter traps after the import returns, as after host_panic. The task
 * is asked of the firmware once the call has unwound.
 */
void host_fault(outpost_host *host, int32_t code, const char *format, ...) {
    outpost_panic_record *p = &host->panic;
    char message[sizeof p->raw + 1];
    uint32_t n;
    va_list args;
    if (host->panicked) return;
    va_start(args, format);
    n = outpost_vformat(message, sizeof message, format, args);
    va_end(args);
    host->panicked = 1;
    p->code = code;
    p->task = OUTPOST_HOST_TASK_UNKNOWN;
    p->line = 0;
    p->column = 0;
    p->message_len = (uint16_t)n; /* at most sizeof p->raw */
    p->file_len = 0;
    memcpy(p->raw, message, p->message_len);
}

/* ABI v1: gpio_write, gpio_read and gpio_listen only on a pin the firmware configured; else a PERIPHERAL panic. */
static int configured_pin(outpost_host *host, int32_t pin, const char *call) {
    const char *name = pin >= 0 && (uint32_t)pin < host->names.pin_count ? host->names.pins[pin] : NULL;
    if (pin >= 0 && pin < OUTPOST_HOST_PINS && host->pins[pin].claimed) return 1;
    /* By the board's name for it, as the simulator says it ("gpio_write on BTN2"). */
    if (name) host_fault(host, OUTPOST_PANIC_PERIPHERAL, "%s on %.60s, which is not configured: call gpio_configure first", call, name);
    else host_fault(host, OUTPOST_PANIC_PERIPHERAL, "%s on pin %ld, which is not configured: call gpio_configure first", call, (long)pin);
    return 0;
}

/* ABI v1: uart_write, uart_read and uart_listen only on a port the firmware configured; else a PERIPHERAL panic. */
static int configured_port(outpost_host *host, int32_t port, const char *call) {
    if (port >= 0 && port < OUTPOST_HOST_UARTS && host->uarts[port].claimed) return 1;
    host_fault(host, OUTPOST_PANIC_PERIPHERAL, "%s on port %ld, which is not configured: call uart_configure first", call, (long)port);
    return 0;
}

void host_gpio_write(outpost_host *host, int32_t pin, int32_t level) {
    uint8_t bit = level ? 1 : 0;
    if (!configured_pin(host, pin, "gpio_write")) return;
    /* An input is left alone; an unchanged output needs nothing driven. */
    if (host->pins[pin].mode != OUTPOST_PIN_OUTPUT || host->pins[pin].level == bit) return;
    host->pins[pin].level = bit;
    platform_gpio_write(pin, bit);
}

int32_t host_gpio_read(outpost_host *host, int32_t pin) {
    if (!configured_pin(host, pin, "gpio_read")) return 0;
    if (host->pins[pin].mode == OUTPOST_PIN_OUTPUT) return host->pins[pin].level;
    return platform_gpio_read(pin) ? 1 : 0;
}

void host_gpio_listen(outpost_host *host, int32_t pin, int32_t edges) {
    if (!configured_pin(host, pin, "gpio_listen")) return;
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
    if (!configured_port(host, port, "uart_write") || len <= 0) return 0;
    return platform_uart_write(host, port, data, len);
}

int32_t host_uart_read(outpost_host *host, int32_t port, uint8_t *data, int32_t len) {
    outpost_uart_state *uart;
    int32_t n = 0;
    if (!configured_port(host, port, "uart_read") || len <= 0) return 0;
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
    if (!configured_port(host, port, "uart_listen")) return;
    platform_lock();
    host->uarts[port].listen = (uint8_t)(events & 7);
    raise_rx(host, port, host->now_us);  /* bytes that came before listening are not forgotten */
    platform_unlock();
}

void host_log(outpost_host *host, int32_t level, const uint8_t *text, int32_t len) {
    outpost_report_log(host, level, text, len);
}

/* Keeps at most `cap` bytes of `src`; returns how many. */
static uint16_t keep(uint8_t *dst, uint32_t cap, const uint8_t *src, int32_t len) {
    uint32_t n = len > 0 ? (uint32_t)len : 0;
    if (n > cap) n = cap;
    if (n) memcpy(dst, src, n);
    return (uint16_t)n;
}

void host_panic(outpost_host *host, int32_t code, int32_t task, const uint8_t *msg, int32_t msg_len,
                const uint8_t *file, int32_t file_len, int32_t line, int32_t column) {
    outpost_panic_record *p = &host->panic;
    uint32_t file_room;
    host->panicked = 1;
    p->code = code;
    p->task = task;
    p->line = line;
    p->column = column;
    /* The file name gets up to half the room first: a long message is cut, the place stays whole. */
    file_room = file_len < 0 ? 0 : (uint32_t)file_len < sizeof p->raw / 2 ? (uint32_t)file_len : sizeof p->raw / 2;
    p->message_len = keep(p->raw, sizeof p->raw - file_room, msg, msg_len);
    p->file_len = keep(p->raw + p->message_len, file_room, file, file_len);
}

/* ── The loop ────────────────────────────────────────────────────────────── */

void outpost_host_init(outpost_host *host) {
    int32_t i;
    memset(host, 0, sizeof *host);
    host->config.stack_bytes = 4096;
    host->config.memory_limit = 0;
    host->stop_at_us = -1;
    host->stop_status = -1;
    host->watchdog_us = OUTPOST_HOST_WATCHDOG_US;
    for (i = 0; i < OUTPOST_HOST_UARTS; i++) host->uarts[i].rx_fifo_bytes = OUTPOST_HOST_RX_FIFO;
}

/* ── The watchdog ────────────────────────────────────────────────────────── */

/* One call into the firmware (`name` for reports) under the platform's watchdog. */
static const char *call_firmware(outpost_host *host, const char *name, engine_export fn, int32_t a, int32_t b, int64_t c,
                                 int64_t *result) {
    const char *error;
    host->calling = name;
    platform_watchdog_arm(host, host->watchdog_us);
    error = engine_call(host->engine, fn, a, b, c, result);
    platform_watchdog_disarm();
    if (error && host->watchdog_fired) {
        host_fault(host, OUTPOST_HOST_PANIC_WATCHDOG, "%s did not return within the watchdog's budget of %lu ms", name,
                   (unsigned long)(host->watchdog_us / 1000));
    }
    return error;
}

int outpost_host_watchdog_expired(outpost_host *host) {
    char text[192];
    if (!host->watchdog_fired) {
        host->watchdog_fired = 1; /* an engine that can stop a call traps now: the loop names the task */
        return 0;
    }
    outpost_format(text, sizeof text,
             "panic WATCHDOG: %s did not return within the watchdog's budget of %lu ms (this engine cannot stop a call: the task is not known)",
             host->calling ? host->calling : "the firmware", (unsigned long)(host->watchdog_us / 1000));
    outpost_host_report(host, text);
    return 1;
}

int outpost_host_watchdog_fired(const outpost_host *host) {
    return host->watchdog_fired;
}

static int finish(outpost_host *host, int status) {
    if (host->events_dropped) {
        char line[112];
        outpost_format(line, sizeof line, "host: %lu events dropped (a queue of %d was full): raise OUTPOST_HOST_EVENTS",
                 (unsigned long)host->events_dropped, OUTPOST_HOST_EVENTS);
        outpost_host_report(host, line);
    }
    engine_free(host->engine);
    host->engine = NULL;
    return status;
}

int outpost_host_run(outpost_host *host, const uint8_t *wasm, uint32_t len) {
    const char *error;
    int64_t version = 0, deadline = 0, until, still_at = -1;
    uint32_t stalls = 0;
    outpost_queued_event event;

    host->now_us = platform_now_us();
#ifndef OUTPOST_ENGINE_BUILTIN
    /* The ABI's load-time contract, on Wasm bytes (a test engine's script is not Wasm; a build with the
     * firmware compiled in, wasm2c's, was compiled by outpost build from Outpost sources and links no checker). */
    if (len >= 4 && memcmp(wasm, "\0asm", 4) == 0) {
        char why[160], line[240];
        int check = outpost_abi_check(wasm, len, why, sizeof why);
        if (check != OUTPOST_ABI_CHECK_OK) {
            outpost_format(line, sizeof line, check == OUTPOST_ABI_CHECK_NOT_WASM ? "cannot load the firmware: %s"
                                                                           : "cannot load the firmware: it is not an Outpost firmware: %s (see boards/ABI.md)",
                     why);
            platform_report(line);
            host->engine = NULL;
            return OUTPOST_EXIT_LOAD;
        }
    }
#endif
    host->calling = "the start function";
    platform_watchdog_arm(host, host->watchdog_us);
    error = engine_load(&host->engine, wasm, len, &host->config, host);
    platform_watchdog_disarm();
    if (error && (host->panicked || host->watchdog_fired)) { /* the start function panicked or ran away */
        host->engine = NULL;
        if (host->watchdog_fired) {
            host_fault(host, OUTPOST_HOST_PANIC_WATCHDOG, "the start function did not return within the watchdog's budget of %lu ms",
                       (unsigned long)(host->watchdog_us / 1000));
        }
        return finish(host, outpost_report_stop(host, error));
    }
    if (error) {
        char line[160];
        outpost_format(line, sizeof line, "cannot load the firmware: %s", error);
        platform_report(line);
        host->engine = NULL;
        return OUTPOST_EXIT_LOAD;
    }
    error = call_firmware(host, "outpost_abi_version", ENGINE_abi_version, 0, 0, 0, &version);
    if (error) return finish(host, outpost_report_stop(host, error));
    if (version != OUTPOST_ABI_VERSION) {
        char line[128];
        outpost_format(line, sizeof line, "firmware speaks ABI v%ld, this host speaks ABI v%d: rebuild the firmware with this Outpost version",
                 (long)version, OUTPOST_ABI_VERSION);
        platform_report(line);
        return finish(host, OUTPOST_EXIT_ABI);
    }
    error = call_firmware(host, "outpost_init", ENGINE_init, 0, 0, 0, NULL);
    if (error) return finish(host, outpost_report_stop(host, error));

    /* The clock is read once at start (init and the first poll are at that instant) and after each sleep. */
    for (;;) {
        while (pop_event(host, &event)) {
            error = call_firmware(host, "outpost_event", ENGINE_event, event.source, event.arg, event.at_us, NULL);
            if (error) return finish(host, outpost_report_stop(host, error));
        }
        error = call_firmware(host, "outpost_poll", ENGINE_poll, 0, 0, 0, &deadline);
        if (!error && deadline < OUTPOST_NO_DEADLINE) {
            host_fault(host, OUTPOST_HOST_PANIC_ABI_VIOLATION, "outpost_poll returned %lld: a deadline is a time in µs (>= 0) or -1 for none",
                       (long long)deadline);
            error = "ABI violation";
        }
        if (error) return finish(host, outpost_report_stop(host, error));
        if (deadline > OUTPOST_HOST_LAST_DEADLINE) deadline = OUTPOST_NO_DEADLINE; /* never reached: as good as none */
        if (deadline != OUTPOST_NO_DEADLINE && deadline <= host->now_us) {
            /* Tasks are still ready: poll again at once, unless time stands still. */
            stalls = host->now_us == still_at ? stalls + 1 : 0;
            still_at = host->now_us;
            if (stalls + 1 >= OUTPOST_HOST_STALL_POLLS) return finish(host, outpost_report_stall(host));
            continue;
        }
        stalls = 0;
        if (outpost_host_has_events(host)) continue;
        if (host->stop_status >= 0) return finish(host, host->stop_status);
        if (host->stop_at_us >= 0 && host->now_us >= host->stop_at_us) break;
        until = deadline;
        if (host->stop_at_us >= 0 && (until == OUTPOST_NO_DEADLINE || until > host->stop_at_us)) until = host->stop_at_us;
        host->woke_at = -1;
        if (platform_wait(host, until) == PLATFORM_WAIT_NEVER) break;
        host->now_us = host->woke_at >= 0 ? host->woke_at : platform_now_us();
    }
    return finish(host, host->stop_status >= 0 ? host->stop_status : OUTPOST_EXIT_OK);
}
