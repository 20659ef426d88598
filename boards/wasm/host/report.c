/*
 * report.c — every line the host writes, in the transcript format the
 * simulator uses (`outpost sim`), so that one normalised transcript
 * compares every host (test/conformance/):
 *
 *   [   0.500000] LED1 high                          (platforms that trace pins)
 *   [   0.000000] info: blinky: LED1 toggles every 500 ms
 *   [   1.000000] panic POOL_FULL in task "blink": cannot spawn task "blink": …
 *       at examples/blinky/main.ts:12:3
 *   [   0.250000] panic TRAP in task 0: integer divide by zero
 *   [   0.000000] panic STALL outside any task: virtual time cannot advance: …
 *
 * A task is named as the firmware names it (debug builds export task
 * names) or by its id (release builds). Panic and trap reporting lives here
 * and only here, so that reporting whole await chains later means changing
 * outpost_report_stop alone. Called from the loop's context only.
 */
#include <string.h>

#include "format.h"
#include "host.h"
#include "platform.h"

/* ── Firmware text ───────────────────────────────────────────────────────── */

/* Appends code point c as UTF-8; 0, writing nothing, when it does not fit before the NUL. */
static int put_utf8(char *dst, uint32_t cap, uint32_t *n, uint32_t c) {
    static const uint8_t lead[] = {0, 0, 0xC0, 0xE0, 0xF0};
    uint32_t k = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    uint32_t j;
    if (*n + k >= cap) return 0;
    dst[*n] = (char)(k == 1 ? c : lead[k] | (c >> (6 * (k - 1))));
    for (j = 1; j < k; j++) dst[*n + j] = (char)(0x80 | ((c >> (6 * (k - 1 - j))) & 0x3F));
    *n += k;
    return 1;
}

/* Appends `bytes` of UTF-16LE as UTF-8 (a trailing odd byte is ignored); 0 when the output filled up. */
static int put_utf16(char *dst, uint32_t cap, uint32_t *n, const uint8_t *src, int32_t bytes) {
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

/* Appends a C string whole, or nothing when it does not fit; 0 then. */
static int put_text(char *dst, uint32_t cap, uint32_t *n, const char *text) {
    uint32_t k = (uint32_t)strlen(text);
    if (*n + k >= cap) return 0;
    memcpy(dst + *n, text, k);
    *n += k;
    return 1;
}

/*
 * Boards that defer message literals send tags, bytes UTF-8 never uses,
 * with little-endian operands (boards/ABI.md): 0xFF and a u16 index in place
 * of a literal, printed from the build's text table when the host has it
 * (`names.text`), else as "{#index}", which `outpost decode` spells out;
 * 0xFE, a u16 count n and n UTF-16 code units, a string encoded here; 0xFD
 * and an i64, printed in decimal. The firmware cuts a message at its
 * buffer's end: a cut string keeps its whole code units, a cut reference or
 * integer is dropped. Output stops, still NUL-terminated, where the next
 * piece does not fit.
 */
uint32_t outpost_text(const outpost_host *host, char *dst, uint32_t cap, const uint8_t *src, int32_t len) {
    uint32_t n = 0;
    int32_t i = 0;
    char number[24];
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
            int k;
            for (k = 8; k >= 1; k--) v = (v << 8) | src[i + k];
            outpost_format(number, sizeof number, "%s%llu", v >> 63 ? "-" : "", (unsigned long long)(v >> 63 ? 0 - v : v));
            if (!put_text(dst, cap, &n, number)) break; /* no room for the whole number */
            i += 9;
        } else if (src[i] == 0xFF && i + 2 < len) {
            uint32_t index = (uint32_t)(src[i + 1] | (src[i + 2] << 8));
            if (host && index < host->names.text_count && host->names.text[index]) {
                const char *literal = host->names.text[index];
                uint32_t k = (uint32_t)strlen(literal);
                if (n + k >= cap) k = cap - 1 - n; /* a long literal is cut, not dropped */
                memcpy(dst + n, literal, k);
                n += k;
                if (n + 1 >= cap) break;
            } else {
                outpost_format(number, sizeof number, "{#%u}", (unsigned)index);
                if (!put_text(dst, cap, &n, number)) break; /* no room for the whole reference */
            }
            i += 3;
        } else {
            break; /* the firmware's buffer ended inside a reference or integer */
        }
    }
    dst[n] = '\0';
    return n;
}

/* ── Lines ───────────────────────────────────────────────────────────────── */

/* Splits a time (>= 0) into whole seconds and µs, without a 64-bit division by 10⁶. */
static uint32_t seconds_and_us(int64_t t, uint64_t *seconds) {
    uint32_t us;
    *seconds = (uint64_t)t;
    us = outpost_div_u64(seconds, 1000);
    return us + 1000 * outpost_div_u64(seconds, 1000);
}

/* "[   1.500000] ": seconds and µs, as the simulator prints them; returns its length. */
static uint32_t stamp(const outpost_host *host, char *line, uint32_t cap) {
    uint64_t seconds;
    uint32_t us = seconds_and_us(host->now_us, &seconds);
    return outpost_format(line, cap, "[%4llu.%06lu] ", (unsigned long long)seconds, (unsigned long)us);
}

void outpost_host_report(outpost_host *host, const char *text) {
    char line[OUTPOST_TEXT_CHARS + 16];
    uint32_t at = stamp(host, line, sizeof line);
    outpost_format(line + at, sizeof line - at, "%s", text);
    platform_report(line);
}

void outpost_report_log(outpost_host *host, int32_t level, const uint8_t *text, int32_t len) {
    static const char *const names[] = {"error", "warn", "info", "debug"};
    char line[OUTPOST_TEXT_CHARS + 32];
    uint32_t at = stamp(host, line, sizeof line);
    at += level >= 1 && level <= 4 ? outpost_format(line + at, sizeof line - at, "%s: ", names[level - 1])
                                   : outpost_format(line + at, sizeof line - at, "level %ld: ", (long)level);
    outpost_text(host, line + at, sizeof line - at, text, len);
    platform_report(line);
}

/*
 * ` in task "blink"` (debug builds name their tasks), ` in task 0` (release
 * builds), or ` outside any task`; written at `dst`, returns its length.
 * Reading a name calls the firmware once more, which ABI v1 allows after a
 * trap or panic for exactly this.
 */
static uint32_t task_words(outpost_host *host, int64_t task, char *dst, uint32_t cap) {
    int64_t len = -1, scratch = 0;
    const uint8_t *name = NULL;
    if (task < 0) return outpost_format(dst, cap, " outside any task");
    if (host->engine && engine_call(host->engine, ENGINE_task_name, (int32_t)task, 0, 0, &len) == NULL && len >= 0 &&
        engine_call(host->engine, ENGINE_scratch, 0, 0, 0, &scratch) == NULL) {
        name = engine_memory(host->engine, (uint32_t)scratch, (uint32_t)len);
    }
    return name ? outpost_format(dst, cap, " in task \"%.*s\"", (int)len, (const char *)name) : outpost_format(dst, cap, " in task %ld", (long)task);
}

/*
 * `    await chain: task "echo" → await site 6 → await site 4`: the sites of
 * the awaits the task's frames are parked at, outermost first, as ids of the
 * build's site table (<firmware>.sites.json; `outpost decode <firmware>`
 * names them in a captured log, as the simulator prints them). Nothing when
 * the firmware has no chain export (release builds).
 */
static void report_chain(outpost_host *host, int64_t task) {
    char line[OUTPOST_TEXT_CHARS + 96], who[160];
    int64_t count = -1, scratch = 0;
    const uint8_t *ids;
    uint32_t at;
    int64_t i;
    if (task < 0 || host->engine == NULL) return;
    /* The name first: it is written where the chain is (outpost_scratch). */
    task_words(host, task, who, sizeof who); /* ` in task "echo"` */
    if (engine_call(host->engine, ENGINE_task_chain, (int32_t)task, 0, 0, &count) != NULL || count <= 0 || count > 64) return;
    if (engine_call(host->engine, ENGINE_scratch, 0, 0, 0, &scratch) != NULL) return;
    ids = engine_memory(host->engine, (uint32_t)scratch, (uint32_t)count * 4);
    if (ids == NULL) return;
    at = outpost_format(line, sizeof line, "    await chain: %s", who + 4);
    for (i = 0; i < count && at < sizeof line - 32; i++) {
        int32_t id = (int32_t)((uint32_t)ids[i * 4] | (uint32_t)ids[i * 4 + 1] << 8 | (uint32_t)ids[i * 4 + 2] << 16 | (uint32_t)ids[i * 4 + 3] << 24);
        at += outpost_format(line + at, sizeof line - at, " \xe2\x86\x92 await site %ld", (long)id);
    }
    platform_report(line);
}

/*
 * The words for each trap an engine reports, as wasm3 spells them (src/contract/traps.ts); engines
 * that differ map to these. wasm3's own "stack overflow" is the hosts' "call stack exhausted".
 */
const char *outpost_trap_words(const char *trap) {
    static const char prefix[] = "[trap] ";
    if (strncmp(trap, prefix, sizeof prefix - 1) == 0) trap += sizeof prefix - 1;
    if (strcmp(trap, "stack overflow") == 0) return "call stack exhausted";
    return trap;
}

int outpost_report_stop(outpost_host *host, const char *trap) {
    char line[OUTPOST_TEXT_CHARS + 96];
    uint32_t at = stamp(host, line, sizeof line);
    if (host->panicked) {
        const outpost_panic_record *p = &host->panic;
        static const char *const codes[] = {"ABORT", "POOL_FULL", "ALLOC_AFTER_INIT", "BUSY", "PERIPHERAL"};
        const char *code = p->code >= 1 && p->code <= 5                   ? codes[p->code - 1]
                           : p->code == OUTPOST_HOST_PANIC_ABI_VIOLATION ? "ABI_VIOLATION"
                           : p->code == OUTPOST_HOST_PANIC_WATCHDOG      ? "WATCHDOG"
                                                                         : "UNKNOWN";
        int64_t task = p->task;
        /* A rule the host enforced (host_fault): ask the firmware whose poll it was, as after a trap. */
        if (task == OUTPOST_HOST_TASK_UNKNOWN && (host->engine == NULL || engine_call(host->engine, ENGINE_current_task, 0, 0, 0, &task) != NULL)) task = -1;
        at += outpost_format(line + at, sizeof line - at, "panic %s", code);
        at += task_words(host, task, line + at, sizeof line - at);
        at += outpost_format(line + at, sizeof line - at, ": ");
        outpost_text(host, line + at, sizeof line - at, p->raw, p->message_len);
        platform_report(line);
        if (p->file_len) {
            at = outpost_format(line, sizeof line, "    at ");
            at += outpost_text(host, line + at, sizeof line - at, p->raw + p->message_len, p->file_len);
            outpost_format(line + at, sizeof line - at, ":%ld:%ld", (long)p->line, (long)p->column);
            platform_report(line);
        }
        report_chain(host, task);
    } else {
        int64_t task = -1;
        /* ABI v1 allows this one call after a trap, to name the culprit; -1 when the firmware cannot say. */
        if (host->engine == NULL || engine_call(host->engine, ENGINE_current_task, 0, 0, 0, &task) != NULL) task = -1;
        at += outpost_format(line + at, sizeof line - at, "panic TRAP");
        at += task_words(host, task, line + at, sizeof line - at);
        outpost_format(line + at, sizeof line - at, ": %s", outpost_trap_words(trap));
        platform_report(line);
        report_chain(host, task);
    }
    return OUTPOST_EXIT_PANIC;
}

int outpost_report_stall(outpost_host *host) {
    char line[OUTPOST_TEXT_CHARS + 96];
    uint64_t seconds;
    uint32_t us = seconds_and_us(host->now_us, &seconds);
    uint32_t at = stamp(host, line, sizeof line);
    outpost_format(line + at, sizeof line - at,
             "panic STALL outside any task: virtual time cannot advance: outpost_poll returned a deadline at or before now "
             "%d times in a row at %llu.%06lus; a task that never waits keeps the executor busy",
             OUTPOST_HOST_STALL_POLLS, (unsigned long long)seconds, (unsigned long)us);
    platform_report(line);
    return OUTPOST_EXIT_PANIC;
}
