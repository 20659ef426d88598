/*
 * platform_posix.c — the reference platform: Outpost firmware on a PC.
 *
 *   console UART (port 0, or --console N)   stdin → RX FIFO, TX → stdout
 *   other UART ports                        TX logged to stderr, no RX
 *   pins 0 … OUTPOST_HOST_PINS-1             changes logged to stderr: "[   0.500000] pin 13 high";
 *                                           inputs read 1 with a pull-up, else 0; no edges
 *   clock                                   CLOCK_MONOTONIC, 0 at start; or, with
 *                                           --virtual, a clock that jumps to each deadline
 *   sleep                                   select() on stdin with the deadline as timeout
 *
 *   usage: host [--virtual] [--for DURATION] [--console PORT] [--memory BYTES]
 *               [--stack BYTES] firmware.wasm
 *
 * --for stops the host at that time (250ms, 2s, 100us; plain numbers are µs).
 * Without it the host runs until stdin is closed and the firmware has no
 * deadline left. --virtual is for tests: the clock stands still while stdin
 * has input to give (each read is delivered at the current time) and jumps
 * straight to the next deadline once stdin is at end of file, so a run is
 * exactly repeatable. The exit status is outpost_host_run's (host.h).
 *
 * Single-threaded: input arrives only inside platform_wait, so
 * platform_lock has nothing to mask.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include "host.h"
#include "platform.h"

static struct {
    int virtual_clock;
    int64_t virtual_now;
    struct timespec start;
    int32_t console;
    int stdin_open;
    uint8_t modes[OUTPOST_HOST_PINS];
} posix;

int64_t platform_now_us(void) {
    struct timespec now;
    if (posix.virtual_clock) return posix.virtual_now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)(now.tv_sec - posix.start.tv_sec) * 1000000 + (now.tv_nsec - posix.start.tv_nsec) / 1000;
}

void platform_lock(void) {}
void platform_unlock(void) {}

void platform_report(const char *line) {
    fputs(line, stderr);
    fputc('\n', stderr);
}

static void report_at(const char *text) {
    char line[320];
    int64_t t = platform_now_us();
    snprintf(line, sizeof line, "[%4lld.%06lld] %s", (long long)(t / 1000000), (long long)(t % 1000000), text);
    platform_report(line);
}

/* Reads what stdin has and hands it to the console UART. */
static void read_stdin(outpost_host *host) {
    uint8_t buffer[256];
    ssize_t n = read(STDIN_FILENO, buffer, sizeof buffer);
    if (n > 0) {
        outpost_host_uart_rx(host, posix.console, buffer, (uint32_t)n, platform_now_us());
    } else if (n == 0 || errno != EINTR) {
        posix.stdin_open = 0;
    }
}

static void sleep_until(int64_t until_us) {
    int64_t left;
    while ((left = until_us - platform_now_us()) > 0) {
        struct timespec pause;
        pause.tv_sec = (time_t)(left / 1000000);
        pause.tv_nsec = (long)(left % 1000000) * 1000;
        nanosleep(&pause, NULL);
    }
}

int platform_wait(outpost_host *host, int64_t until_us) {
    if (posix.stdin_open) {
        fd_set readable;
        struct timeval timeout;
        struct timeval *wait = NULL;
        int ready;
        if (!posix.virtual_clock && until_us != OUTPOST_NO_DEADLINE) {
            int64_t left = until_us - platform_now_us();
            if (left < 0) left = 0;
            timeout.tv_sec = (time_t)(left / 1000000);
            timeout.tv_usec = (suseconds_t)(left % 1000000);
            wait = &timeout;
        }
        FD_ZERO(&readable);
        FD_SET(STDIN_FILENO, &readable);
        ready = select(STDIN_FILENO + 1, &readable, NULL, NULL, wait);
        if (ready > 0) read_stdin(host);
        else if (ready < 0 && errno != EINTR) posix.stdin_open = 0;
        return PLATFORM_WAIT_MORE;
    }
    if (until_us == OUTPOST_NO_DEADLINE) return PLATFORM_WAIT_NEVER;
    if (posix.virtual_clock) {
        if (until_us > posix.virtual_now) posix.virtual_now = until_us;
    } else {
        sleep_until(until_us);
    }
    return PLATFORM_WAIT_MORE;
}

int32_t platform_gpio_configure(int32_t pin, int32_t mode) {
    posix.modes[pin] = (uint8_t)mode;
    return OUTPOST_OK;
}

void platform_gpio_write(int32_t pin, int32_t level) {
    char text[48];
    snprintf(text, sizeof text, "pin %ld %s", (long)pin, level ? "high" : "low");
    report_at(text);
}

int32_t platform_gpio_read(int32_t pin) {
    return posix.modes[pin] == OUTPOST_PIN_INPUT_PULLUP;
}

void platform_gpio_listen(int32_t pin, int32_t edges) {
    (void)pin;
    (void)edges;  /* no input pins on a PC: nothing ever changes */
}

int32_t platform_uart_configure(int32_t port, int32_t baud, int32_t flags) {
    (void)port;
    (void)baud;
    (void)flags;
    return OUTPOST_OK;
}

int32_t platform_uart_write(outpost_host *host, int32_t port, const uint8_t *data, int32_t len) {
    if (port == posix.console) {
        fwrite(data, 1, (size_t)len, stdout);
        fflush(stdout);
    } else {
        char text[160];
        int n = snprintf(text, sizeof text, "uart %ld: ", (long)port);
        int32_t i;
        for (i = 0; i < len && n < (int)sizeof text - 5; i++) {
            uint8_t c = data[i];
            n += snprintf(text + n, sizeof text - (size_t)n, c >= 0x20 && c < 0x7f && c != '\\' ? "%c" : "\\x%02x", c);
        }
        report_at(text);
    }
    outpost_host_uart_tx_done(host, port, platform_now_us());  /* written synchronously: already on the wire */
    return len;
}

/* "250ms", "2s", "100us", "1500" (µs); -1 when malformed. */
static int64_t parse_duration(const char *text) {
    char *end;
    long long n = strtoll(text, &end, 10);
    if (end == text || n < 0) return -1;
    if (strcmp(end, "") == 0 || strcmp(end, "us") == 0) return n;
    if (strcmp(end, "ms") == 0) return n * 1000;
    if (strcmp(end, "s") == 0) return n * 1000000;
    return -1;
}

static uint8_t *read_file(const char *path, uint32_t *len) {
    FILE *file = fopen(path, "rb");
    uint8_t *bytes = NULL;
    long size;
    if (!file) return NULL;
    if (fseek(file, 0, SEEK_END) == 0 && (size = ftell(file)) > 0 && fseek(file, 0, SEEK_SET) == 0) {
        bytes = malloc((size_t)size);
        if (bytes && fread(bytes, 1, (size_t)size, file) != (size_t)size) {
            free(bytes);
            bytes = NULL;
        }
        *len = (uint32_t)size;
    }
    fclose(file);
    return bytes;
}

static int usage(const char *why) {
    fprintf(stderr, "host: %s\nusage: host [--virtual] [--for DURATION] [--console PORT] [--memory BYTES] [--stack BYTES] firmware.wasm\n", why);
    return OUTPOST_EXIT_LOAD;
}

int main(int argc, char **argv) {
    static outpost_host host;
    const char *path = NULL;
    uint8_t *wasm;
    uint32_t len = 0;
    int i, status;

    outpost_host_init(&host);
    clock_gettime(CLOCK_MONOTONIC, &posix.start);
    posix.stdin_open = 1;
    for (i = 1; i < argc; i++) {
        const char *arg = argv[i];
        int has_value = i + 1 < argc;
        if (strcmp(arg, "--virtual") == 0) {
            posix.virtual_clock = 1;
        } else if (strcmp(arg, "--for") == 0 && has_value) {
            host.stop_at_us = parse_duration(argv[++i]);
            if (host.stop_at_us < 0) return usage("--for takes a duration such as 250ms, 2s or 100us");
        } else if (strcmp(arg, "--console") == 0 && has_value) {
            posix.console = atoi(argv[++i]);
        } else if (strcmp(arg, "--memory") == 0 && has_value) {
            host.config.memory_limit = (uint32_t)strtoul(argv[++i], NULL, 10);
        } else if (strcmp(arg, "--stack") == 0 && has_value) {
            host.config.stack_bytes = (uint32_t)strtoul(argv[++i], NULL, 10);
        } else if (arg[0] == '-' || path) {
            return usage("unexpected argument");
        } else {
            path = arg;
        }
    }
    if (!path) return usage("no firmware given");
    wasm = read_file(path, &len);
    if (!wasm) {
        fprintf(stderr, "host: cannot read %s: check the path (outpost build writes the .wasm)\n", path);
        return OUTPOST_EXIT_LOAD;
    }
    status = outpost_host_run(&host, wasm, len);
    free(wasm);
    return status;
}
