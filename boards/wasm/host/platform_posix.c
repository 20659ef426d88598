/*
 * platform_posix.c — the platform for a PC: Outpost firmware as a process,
 * behaving like `outpost sim` (bench.c models the pins and paces the UARTs).
 *
 *   console UART (board.json's, or --console N)  stdin → RX at line rate, TX → stdout
 *   other UARTs                                  --input PORT:FILE → RX at line rate from t=0;
 *                                                TX leaves unseen, as in `outpost sim`
 *   pins                                         every change on stderr: "[   0.500000] LED1 high"
 *   clock                                        CLOCK_MONOTONIC, 0 at start; or, with --virtual,
 *                                                a clock that jumps to whatever is due next
 *   sleep                                        select() on stdin until the next deadline
 *
 *   watchdog                                     a one-shot SIGALRM timer (setitimer) armed for each
 *                                                call into the firmware; the second expiry (after a
 *                                                100 ms grace) exits with status 3
 *
 *   usage: host [--virtual] [--for DURATION] [--console PORT] [--input PORT:FILE]
 *               [--bench FILE] [--memory BYTES] [--stack BYTES] [--watchdog DURATION] firmware.wasm
 *
 * --for stops the host at that time (250ms, 2s, 100us; plain numbers are
 * µs); work due exactly then still runs. Without it the host runs until
 * stdin is closed and nothing is left to happen. --virtual is for tests and
 * repeatable runs: stdin is read to its end first and sent to the console
 * from t=0, at line rate, like `outpost sim --uart0 @FILE`. --bench plays a
 * stimulus file (bytes, button presses, texts to expect: bench.c), as
 * `outpost run` does on an emulated board. Names of pins and UART sizes come
 * from the build's board tables (OUTPOST_BOARD_TABLES, written by outpost
 * build --emit-c) or default to numbers and 128-byte FIFOs.
 *
 * A wasm2c build (OUTPOST_ENGINE_BUILTIN) has the firmware compiled in and
 * takes no firmware file. Single-threaded: input arrives only inside
 * platform_wait, so platform_lock has nothing to mask.
 */
#define _XOPEN_SOURCE 700 /* POSIX 2008 with setitimer */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "host.h"
#include "platform.h"

#ifdef OUTPOST_BOARD_TABLES
#include "board_tables.h"
#endif

#define STDIN_CHUNK 256

static struct {
    int virtual_clock;
    int64_t virtual_now;
    struct timespec start;
    int32_t console;
    int stdin_open;
    uint8_t stdin_chunks[OUTPOST_BENCH_SEGMENTS][STDIN_CHUNK];
    uint32_t stdin_reads;
} posix;

static outpost_bench bench;

int64_t platform_now_us(void) {
    struct timespec now;
    if (posix.virtual_clock) return posix.virtual_now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)(now.tv_sec - posix.start.tv_sec) * 1000000 + (now.tv_nsec - posix.start.tv_nsec) / 1000;
}

void platform_lock(void) {}
void platform_unlock(void) {}

void platform_report(const char *line) {
    fflush(stdout);  /* console bytes that went out before this line come first */
    fputs(line, stderr);
    fputc('\n', stderr);
}

void platform_bench_output(int32_t port, uint8_t byte) {
    if (port == posix.console) putchar(byte);
}

/* Reads what stdin has, while the console's line has room for another send; at end of file stops reading. */
static void read_stdin(void) {
    const outpost_bench_uart *u = &bench.uarts[posix.console];
    uint8_t *chunk;
    ssize_t n;
    if (u->seg_tail - u->seg_head >= OUTPOST_BENCH_SEGMENTS) return; /* the line is full: leave it in the pipe */
    chunk = posix.stdin_chunks[posix.stdin_reads % OUTPOST_BENCH_SEGMENTS];
    n = read(STDIN_FILENO, chunk, STDIN_CHUNK);
    if (n > 0) {
        posix.stdin_reads++;
        outpost_bench_send(&bench, posix.console, chunk, (uint32_t)n, platform_now_us());
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
    int64_t next = outpost_bench_next(&bench);
    if (next >= 0 && (until_us == OUTPOST_NO_DEADLINE || next < until_us)) until_us = next;
    if (posix.stdin_open && !posix.virtual_clock) {
        fd_set readable;
        struct timeval timeout;
        struct timeval *wait = NULL;
        int ready;
        if (until_us != OUTPOST_NO_DEADLINE) {
            int64_t left = until_us - platform_now_us();
            if (left < 0) left = 0;
            timeout.tv_sec = (time_t)(left / 1000000);
            timeout.tv_usec = (suseconds_t)(left % 1000000);
            wait = &timeout;
        }
        FD_ZERO(&readable);
        FD_SET(STDIN_FILENO, &readable);
        ready = select(STDIN_FILENO + 1, &readable, NULL, NULL, wait);
        if (ready > 0) read_stdin();
        else if (ready < 0 && errno != EINTR) posix.stdin_open = 0;
    } else if (until_us == OUTPOST_NO_DEADLINE) {
        return PLATFORM_WAIT_NEVER;
    } else if (posix.virtual_clock) {
        if (until_us > posix.virtual_now) posix.virtual_now = until_us;
    } else {
        sleep_until(until_us);
    }
    {
        int64_t now = platform_now_us();
        outpost_bench_run(&bench, now);
        fflush(stdout); /* console bytes go out when their stop bit ends, not when a buffer fills */
        outpost_host_woke(host, now);
    }
    return PLATFORM_WAIT_MORE;
}

int32_t platform_gpio_configure(int32_t pin, int32_t mode) {
    return outpost_bench_gpio_configure(&bench, pin, mode);
}

void platform_gpio_write(int32_t pin, int32_t level) {
    outpost_bench_gpio_write(&bench, pin, level);
}

int32_t platform_gpio_read(int32_t pin) {
    return outpost_bench_gpio_read(&bench, pin);
}

void platform_gpio_listen(int32_t pin, int32_t edges) {
    (void)pin;
    (void)edges; /* the bench raises edges on the pins the host says are listened to */
}

int32_t platform_uart_configure(int32_t port, int32_t baud, int32_t flags) {
    (void)flags;
    return outpost_bench_uart_configure(&bench, port, baud);
}

int32_t platform_uart_write(outpost_host *host, int32_t port, const uint8_t *data, int32_t len) {
    (void)host;
    return outpost_bench_uart_write(&bench, port, data, len);
}

/* ── Watchdog ─────────────────────────────────────────────────────────── */

#define WATCHDOG_GRACE_US 100000

static outpost_host *watched;

static void set_alarm(uint32_t us) {
    struct itimerval timer;
    memset(&timer, 0, sizeof timer);
    timer.it_value.tv_sec = (time_t)(us / 1000000);
    timer.it_value.tv_usec = (suseconds_t)(us % 1000000);
    setitimer(ITIMER_REAL, &timer, NULL);
}

static void on_alarm(int signal_number) {
    (void)signal_number;
    if (!watched) return;
    if (outpost_host_watchdog_expired(watched)) _exit(OUTPOST_EXIT_PANIC);
    set_alarm(WATCHDOG_GRACE_US);
}

void platform_watchdog_arm(outpost_host *host, uint32_t budget_us) {
    static int installed;
    if (budget_us == 0) return;
    if (!installed) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_alarm;
        sigemptyset(&action.sa_mask);
        sigaction(SIGALRM, &action, NULL);
        installed = 1;
    }
    watched = host;
    set_alarm(budget_us);
}

void platform_watchdog_disarm(void) {
    if (!watched) return;
    set_alarm(0);
    watched = NULL;
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

/* The whole file (or stream), kept for the run; NULL when it cannot be read. */
static uint8_t *read_all(FILE *file, uint32_t *len) {
    uint8_t *bytes = NULL;
    size_t size = 0, cap = 0, n;
    do {
        if (size == cap) {
            uint8_t *grown = realloc(bytes, cap = cap ? 2 * cap : 4096);
            if (!grown) {
                free(bytes);
                return NULL;
            }
            bytes = grown;
        }
        n = fread(bytes + size, 1, cap - size, file);
        size += n;
    } while (n > 0);
    *len = (uint32_t)size;
    return bytes;
}

static uint8_t *read_file(const char *path, uint32_t *len) {
    FILE *file = fopen(path, "rb");
    uint8_t *bytes;
    if (!file) return NULL;
    bytes = read_all(file, len);
    fclose(file);
    return bytes;
}

static int usage(const char *why) {
    fprintf(stderr,
            "host: %s\nusage: host [--virtual] [--for DURATION] [--console PORT] [--input PORT:FILE] [--bench FILE] "
            "[--memory BYTES] [--stack BYTES] [--watchdog DURATION] firmware.wasm\n",
            why);
    return OUTPOST_EXIT_LOAD;
}

static int cannot_read(const char *path, const char *what) {
    fprintf(stderr, "host: cannot read %s: %s\n", path, what);
    return OUTPOST_EXIT_LOAD;
}

int main(int argc, char **argv) {
    static outpost_host host;
#ifdef OUTPOST_BOARD_TABLES
    const outpost_bench_port *ports = outpost_board_ports;
#else
    static outpost_bench_port ports[OUTPOST_HOST_UARTS];
#endif
    const char *path = NULL;
    uint8_t *wasm = NULL, *stimuli = NULL, *input = NULL;
    uint32_t len = 0;
    int status, a;

    outpost_host_init(&host);
#ifdef OUTPOST_ENGINE_BUILTIN
    /* The firmware runs on this process's C stack: a PC's budget, not a chip's (--stack changes it). */
    host.config.stack_bytes = 1u << 20;
#endif
#ifdef OUTPOST_BOARD_TABLES
    host.names = outpost_board_names;
#else
    for (a = 0; a < OUTPOST_HOST_UARTS; a++) {
        ports[a].tx_fifo = ports[a].rx_fifo = OUTPOST_HOST_RX_FIFO;
        ports[a].console = a == 0;
    }
#endif
    outpost_bench_init(&bench, &host, ports);
    posix.console = bench.console >= 0 ? bench.console : 0;
    clock_gettime(CLOCK_MONOTONIC, &posix.start);
    posix.stdin_open = 1;
    for (a = 1; a < argc; a++) {
        const char *arg = argv[a];
        int has_value = a + 1 < argc;
        if (strcmp(arg, "--virtual") == 0) {
            posix.virtual_clock = 1;
        } else if (strcmp(arg, "--for") == 0 && has_value) {
            host.stop_at_us = parse_duration(argv[++a]);
            if (host.stop_at_us < 0) return usage("--for takes a duration such as 250ms, 2s or 100us");
        } else if (strcmp(arg, "--console") == 0 && has_value) {
            posix.console = atoi(argv[++a]);
            if (posix.console < 0 || posix.console >= OUTPOST_HOST_UARTS) return usage("--console takes a UART port number");
            bench.console = posix.console;
        } else if (strcmp(arg, "--input") == 0 && has_value) {
            const char *spec = argv[++a];
            char *file;
            long port = strtol(spec, &file, 10);
            uint8_t *bytes;
            if (file == spec || *file != ':' || port < 0 || port >= OUTPOST_HOST_UARTS) return usage("--input takes PORT:FILE, like 1:gps.nmea");
            bytes = read_file(file + 1, &len);
            if (!bytes) return cannot_read(file + 1, "check the path after --input");
            outpost_bench_send(&bench, (int32_t)port, bytes, len, 0); /* kept until the process ends */
        } else if (strcmp(arg, "--bench") == 0 && has_value) {
            const char *error;
            stimuli = read_file(argv[++a], &len);
            if (!stimuli) return cannot_read(argv[a], "check the path after --bench");
            error = outpost_bench_load(&bench, stimuli, len);
            if (error) return cannot_read(argv[a], error);
        } else if (strcmp(arg, "--memory") == 0 && has_value) {
            host.config.memory_limit = (uint32_t)strtoul(argv[++a], NULL, 10);
        } else if (strcmp(arg, "--watchdog") == 0 && has_value) {
            int64_t budget = parse_duration(argv[++a]);
            if (budget < 0 || budget > UINT32_MAX) return usage("--watchdog takes a duration such as 250ms or 2s (0 turns it off)");
            host.watchdog_us = (uint32_t)budget;
        } else if (strcmp(arg, "--stack") == 0 && has_value) {
            host.config.stack_bytes = (uint32_t)strtoul(argv[++a], NULL, 10);
        } else if (arg[0] == '-' || path) {
            return usage("unexpected argument");
        } else {
            path = arg;
        }
    }
#ifdef OUTPOST_ENGINE_BUILTIN
    if (path) return usage("this host has its firmware built in: give no firmware file");
#else
    if (!path) return usage("no firmware given");
    wasm = read_file(path, &len);
    if (!wasm) return cannot_read(path, "check the path (outpost build writes the .wasm)");
#endif
    if (posix.virtual_clock) {
        /* Everything stdin has, sent to the console from t=0: a repeatable run (the bench keeps the bytes until it ends). */
        uint32_t n = 0;
        input = read_all(stdin, &n);
        if (input && n) outpost_bench_send(&bench, posix.console, input, n, 0);
        posix.stdin_open = 0;
    }
    status = outpost_bench_finish(&bench, outpost_host_run(&host, wasm, len));
    fflush(stdout);
    free(input);
    free(wasm);
    free(stimuli);
    return status;
}
