/*
 * io_bench.c — the MPS2 platform's I/O in a test image (mps2.h): pins and
 * UARTs go through the bench (boards/wasm/host/bench.c), which models them
 * as the simulator does, and the test channel plays the stimulus file the
 * command line names: bytes sent to UARTs at line rate, button presses
 * (pin levels with their bounce), texts to expect on the console, the stop
 * time. Each pin change is reported; each TX byte is written to the
 * emulated UART when its stop bit would end.
 *
 * The file is read whole into the .bench section (OUTPOST_STIMULUS_BYTES,
 * outside the board's RAM budget: the emulator has memory there, a chip
 * would not). outpost run finds the marker below and writes the file; a
 * user image (io_direct.c) has neither.
 */
#include <string.h>

#include "bench.h"
#include "board_tables.h"
#include "mps2.h"
#include "platform.h"

#ifndef OUTPOST_STIMULUS_BYTES
#define OUTPOST_STIMULUS_BYTES 32768
#endif

/* Semihosting operations the channel needs beyond platform_mps2.c's. */
#define SYS_READ 0x06
#define SYS_FLEN 0x0C

/* What outpost run looks for (src/toolchain/native/qemu.ts): this image plays stimulus files. */
__attribute__((section(".outpost_board"), used)) static const char channel_marker[] = "\0OUTPOST-TEST-CHANNEL";

static outpost_bench bench;
static uint8_t stimuli[OUTPOST_STIMULUS_BYTES] __attribute__((section(".bench")));

void mps2_io_init(outpost_host *host) {
    outpost_bench_init(&bench, host, outpost_board_ports);
}

/* Reads the stimulus file named by `path` into .bench and loads it; stops the image (1) when it cannot. */
void mps2_io_start(const char *path) {
    uint32_t block[3];
    int file, len;
    const char *error;
    if (path == NULL) return; /* no stimuli: nothing is sent, nothing expected, no stop time */
    file = mps2_open(path, 1 /* "rb" */);
    if (file < 0) {
        platform_report("mps2: cannot open the stimulus file named on the command line");
        mps2_exit(1);
    }
    block[0] = (uint32_t)file;
    len = mps2_semihost(SYS_FLEN, block);
    if (len < 0 || len > (int)sizeof stimuli) {
        platform_report("mps2: the stimulus file is larger than this image's test channel (OUTPOST_STIMULUS_BYTES)");
        mps2_exit(1);
    }
    block[1] = (uint32_t)(uintptr_t)stimuli;
    block[2] = (uint32_t)len;
    mps2_semihost(SYS_READ, block);
    error = outpost_bench_load(&bench, stimuli, (uint32_t)len);
    if (error) {
        platform_report(error);
        mps2_exit(1);
    }
}

int64_t mps2_io_next(void) {
    return outpost_bench_next(&bench);
}

void mps2_io_run(int64_t now_us) {
    outpost_bench_run(&bench, now_us);
}

int mps2_io_finish(int status) {
    return outpost_bench_finish(&bench, status);
}

/* ── Pins ────────────────────────────────────────────────────────────────── */

int32_t platform_gpio_configure(int32_t pin, int32_t mode) {
    int32_t result = mps2_pin_check(pin, mode);
    return result != OUTPOST_OK ? result : outpost_bench_gpio_configure(&bench, pin, mode);
}

void platform_gpio_write(int32_t pin, int32_t level) {
    if (pin < MPS2_LEDS) mps2_led(pin, level);
    outpost_bench_gpio_write(&bench, pin, level);
}

int32_t platform_gpio_read(int32_t pin) {
    return outpost_bench_gpio_read(&bench, pin);
}

void platform_gpio_listen(int32_t pin, int32_t edges) {
    (void)pin;
    (void)edges; /* edges come from the test channel, through bench.c */
}

/* ── UARTs ───────────────────────────────────────────────────────────────── */

int32_t platform_uart_configure(int32_t port, int32_t baud, int32_t flags) {
    int32_t result;
    (void)flags;
    if (port >= MPS2_UARTS) return OUTPOST_E_NO_PORT;
    result = outpost_bench_uart_configure(&bench, port, baud);
    if (result == OUTPOST_OK) mps2_uart_enable(port, baud, U_RX_IRQ);
    return result;
}

int32_t platform_uart_write(outpost_host *h, int32_t port, const uint8_t *data, int32_t len) {
    (void)h;
    return outpost_bench_uart_write(&bench, port, data, len);
}

/* A byte's stop bit is over: hand it to the emulated UART. */
void platform_bench_output(int32_t port, uint8_t byte) {
    uint32_t base = MPS2_UART_BASE(port);
    while (MPS2_REG(base + U_STATE) & U_TX_FULL) {}
    MPS2_REG(base + U_DATA) = byte;
}
