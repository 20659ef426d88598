/*
 * engine_test.c — an engine.h with no WebAssembly in it, for testing the
 * host loop and the POSIX platform (test/wasm/host-loop.test.ts).
 *
 * Its "exports" are native C functions that behave like a tiny Outpost
 * firmware, calling the host_* imports exactly as an engine adapter would:
 *
 *   blink task (id 0)  toggles a pin every period: a deadline for the loop
 *   echo task (id 1)   on UART_RX, reads the console FIFO and writes the bytes
 *                      back; '!' panics (POOL_FULL), '?' panics with deferred
 *                      text (literal references 5 and 268, then a cut-off one),
 *                      '$' logs deferred strings and integers, '%' logs
 *                      deferred text longer than the host's buffer, '#' traps
 *
 * The "firmware file" is text that configures it, so each test case picks a
 * behaviour: it must start with "outpost-test-engine" and may contain
 *   abi=N            what outpost_abi_version returns (default 1)
 *   blink=PIN:US     run the blink task
 *   echo=PORT        run the echo task on that UART
 *   busy=1           outpost_poll always reports ready tasks
 *   log=1            log every event received
 *   deaf=1           the echo task listens but never reads (its FIFO fills up)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "host.h"

struct outpost_engine {
    outpost_host *host;
    int32_t abi;
    int32_t blink_pin;  /* -1: no blink task */
    int64_t blink_period;
    int64_t blink_next;
    int32_t blink_level;
    int32_t echo_port;  /* -1: no echo task */
    int echo_ready;
    int busy;
    int deaf;
    int log_events;
    int32_t current;
    int in_poll;
    uint8_t memory[256];
};

static outpost_engine the_engine;

static const char panic_trap[] = "[trap] outpost panic";

static int64_t option(const char *text, const char *key, int64_t fallback) {
    const char *at = strstr(text, key);
    return at ? strtoll(at + strlen(key), NULL, 10) : fallback;
}

const char *engine_load(outpost_engine **out, const uint8_t *wasm, uint32_t len, const engine_config *config,
                        struct outpost_host *host) {
    static char text[512];
    outpost_engine *e = &the_engine;
    const char *blink;
    size_t n = len < sizeof text - 1 ? len : sizeof text - 1;
    (void)config;
    memcpy(text, wasm, n);
    text[n] = '\0';
    if (strncmp(text, "outpost-test-engine", 19) != 0) return "not a test-engine script";
    memset(e, 0, sizeof *e);
    e->host = host;
    e->abi = (int32_t)option(text, "abi=", 1);
    e->blink_pin = -1;
    blink = strstr(text, "blink=");
    if (blink) {
        e->blink_pin = (int32_t)strtol(blink + 6, NULL, 10);
        e->blink_period = option(blink, ":", 500000);
    }
    e->echo_port = (int32_t)option(text, "echo=", -1);
    e->busy = (int)option(text, "busy=", 0);
    e->deaf = (int)option(text, "deaf=", 0);
    e->log_events = (int)option(text, "log=", 0);
    e->current = -1;
    *out = e;
    return NULL;
}

static void say_bytes(outpost_engine *e, int32_t level, const char *text, size_t length) {
    host_log(e->host, level, (const uint8_t *)text, (int32_t)length);
}

static void say(outpost_engine *e, int32_t level, const char *text) {
    say_bytes(e, level, text, strlen(text));
}

static const char *panic_bytes(outpost_engine *e, int32_t code, const char *message, size_t length) {
    static const char file[] = "test/wasm/c/engine_test.c";
    host_panic(e->host, code, e->current, (const uint8_t *)message, (int32_t)length, (const uint8_t *)file,
               (int32_t)strlen(file), 42, 7);
    return panic_trap;
}

static const char *panic_now(outpost_engine *e, int32_t code, const char *message) {
    return panic_bytes(e, code, message, strlen(message));
}

/* What a deferred-text build sends: references to literals 5 and 268, then one cut off by the buffer's end. */
static const char deferred_message[] = "\xff\x05\x00 of \xff\x0c\x01\xff\x02";

/*
 * What a deferred-text build sends for a string and an integer: "µ😀x" as 4
 * UTF-16 code units (U+1F600 is the pair D83D DE00) behind 0xFE and a u16
 * count; -1234567 as 8 bytes behind 0xFD; then a reference to literal 5.
 */
static const char tagged_message[] = "sensor \"\xfe\x04\x00\xb5\x00\x3d\xd8\x00\xde\x78\x00\" read "
                                     "\xfd\x79\x29\xed\xff\xff\xff\xff\xff from \xff\x05\x00";
/* A string cut by the buffer's end: "µ", a high surrogate, half a code unit. */
static const char cut_message[] = "cut: \xfe\x04\x00\xb5\x00\x3d\xd8\x00";

/* Logs 100 integers (-2^63, 20 characters each) and then 600 '€' (3 bytes each in UTF-8): both more than the host's buffer. */
static void say_long(outpost_engine *e) {
    static char text[1203];
    int i;
    for (i = 0; i < 100; i++) {
        memset(text + 9 * i, 0, 9);
        text[9 * i] = (char)0xfd;
        text[9 * i + 8] = (char)0x80;
    }
    say_bytes(e, OUTPOST_LOG_INFO, text, 900);
    text[0] = (char)0xfe;
    text[1] = (char)(600 & 0xff);
    text[2] = (char)(600 >> 8);
    for (i = 0; i < 600; i++) {
        text[3 + 2 * i] = (char)0xac;
        text[4 + 2 * i] = (char)0x20;
    }
    say_bytes(e, OUTPOST_LOG_INFO, text, sizeof text);
}

static const char *init(outpost_engine *e) {
    if (e->blink_pin >= 0) {
        if (host_gpio_configure(e->host, e->blink_pin, OUTPOST_PIN_OUTPUT) != OUTPOST_OK) {
            return panic_now(e, OUTPOST_PANIC_PERIPHERAL, "cannot configure the blink pin");
        }
        e->blink_next = host_now_us(e->host);
    }
    if (e->echo_port >= 0) {
        if (host_uart_configure(e->host, e->echo_port, 115200, OUTPOST_UART_8N1) != OUTPOST_OK) {
            return panic_now(e, OUTPOST_PANIC_PERIPHERAL, "cannot configure the echo port");
        }
        host_uart_listen(e->host, e->echo_port, OUTPOST_UART_LISTEN_RX | OUTPOST_UART_LISTEN_ERROR);
    }
    say(e, OUTPOST_LOG_INFO, "test engine: ready");
    return NULL;
}

static const char *event(outpost_engine *e, int32_t source, int32_t arg, int64_t at) {
    if (e->in_poll) return "[trap] event delivered during a poll";
    if (e->log_events) {
        char line[80];
        snprintf(line, sizeof line, "event %ld arg %ld at %lld", (long)source, (long)arg, (long long)at);
        say(e, OUTPOST_LOG_DEBUG, line);
    }
    if (source == OUTPOST_EVENT_UART_RX && arg == e->echo_port && !e->deaf) e->echo_ready = 1;
    return NULL;
}

static const char *echo(outpost_engine *e) {
    uint8_t buffer[16];
    int32_t n, i;
    e->echo_ready = 0;
    while ((n = host_uart_read(e->host, e->echo_port, buffer, (int32_t)sizeof buffer)) > 0) {
        for (i = 0; i < n; i++) {
            if (buffer[i] == '!') return panic_now(e, OUTPOST_PANIC_POOL_FULL, "cannot spawn task \"echo\": its pool is full");
            if (buffer[i] == '?') return panic_bytes(e, OUTPOST_PANIC_BUSY, deferred_message, sizeof deferred_message - 1);
            if (buffer[i] == '$') {
                say_bytes(e, OUTPOST_LOG_INFO, tagged_message, sizeof tagged_message - 1);
                say_bytes(e, OUTPOST_LOG_INFO, cut_message, sizeof cut_message - 1);
            }
            if (buffer[i] == '%') say_long(e);
            if (buffer[i] == '#') return "[trap] unreachable executed";
        }
        host_uart_write(e->host, e->echo_port, buffer, n);
    }
    return NULL;
}

static const char *poll_tasks(outpost_engine *e, int64_t *deadline) {
    int64_t now = host_now_us(e->host);
    const char *trap = NULL;
    e->in_poll = 1;
    if (e->blink_pin >= 0 && now >= e->blink_next) {
        e->current = 0;
        e->blink_level = !e->blink_level;
        host_gpio_write(e->host, e->blink_pin, e->blink_level);
        e->blink_next += e->blink_period;
        if (e->blink_next <= now) e->blink_next = now + e->blink_period;
    }
    if (e->echo_port >= 0 && e->echo_ready) {
        e->current = 1;
        trap = echo(e);
        if (trap) return trap;  /* like a trapped firmware: current task stays set */
    }
    e->current = -1;
    e->in_poll = 0;
    *deadline = e->busy ? 0 : e->blink_pin >= 0 ? e->blink_next : OUTPOST_NO_DEADLINE;
    return NULL;
}

const char *engine_call(outpost_engine *e, engine_export fn, int32_t a, int32_t b, int64_t c, int64_t *result) {
    int64_t value = 0;
    const char *trap = NULL;
    switch (fn) {
    case ENGINE_abi_version: value = e->abi; break;
    case ENGINE_init: trap = init(e); break;
    case ENGINE_poll: trap = poll_tasks(e, &value); break;
    case ENGINE_event: trap = event(e, a, b, c); break;
    case ENGINE_task_count: value = 2; break;
    case ENGINE_current_task: value = e->current; break;
    case ENGINE_scratch: value = 0; break;
    case ENGINE_heap_top: value = (int64_t)sizeof e->memory; break;
    default: value = -1; break;
    }
    if (!trap && result) *result = value;
    return trap;
}

uint8_t *engine_memory(outpost_engine *e, uint32_t ptr, uint32_t len) {
    if (ptr > sizeof e->memory || len > sizeof e->memory - ptr) return NULL;
    return e->memory + ptr;
}

void engine_free(outpost_engine *e) {
    (void)e;
}
