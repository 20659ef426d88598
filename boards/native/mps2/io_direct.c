/*
 * io_direct.c — the MPS2 platform's I/O in a user image (mps2.h), the way
 * a port to a real chip drives its peripherals: LED1/LED2 on the FPGAIO
 * register, each change reported ("[   0.500000] LED1 high", as the
 * simulator shows it); the push buttons read as their pull leaves them,
 * a pulled-up one reported high when configured
 * (QEMU does not model them, and a user image has no test channel to
 * press them); UARTs by interrupt both ways. TX takes what the CMSDK
 * UART's holding register accepts and raises UART_TX from the TX
 * interrupt once it is empty again; QEMU sends at once, so bytes are not
 * paced at line rate as in a test image or the simulator.
 *
 * The command line's second word is the stop time in µs (outpost run's
 * --for); -1 or none runs until the firmware can do nothing more.
 */
#include <stddef.h>

#include "board_tables.h"
#include "format.h"
#include "mps2.h"
#include "platform.h"

static outpost_host *host;

void mps2_io_init(outpost_host *h) {
    host = h;
}

void mps2_io_start(const char *word) {
    int64_t stop = 0;
    if (word == NULL || (word[0] == '-' && word[1] == '1' && word[2] == '\0')) return;
    for (; *word >= '0' && *word <= '9'; word++) stop = stop * 10 + (*word - '0');
    if (*word != '\0') {
        platform_report("mps2: the stop time on the command line is not a number of µs");
        mps2_exit(1);
    }
    host->stop_at_us = stop;
}

int64_t mps2_io_next(void) {
    return -1; /* everything comes by interrupt */
}

void mps2_io_run(int64_t now_us) {
    (void)now_us;
}

int mps2_io_finish(int status) {
    return status;
}

/* ── Pins ────────────────────────────────────────────────────────────────── */

static void report_level(int32_t pin, int32_t level) {
    char text[80];
    outpost_format(text, sizeof text, "%.60s %s", outpost_board_names.pins[pin], level ? "high" : "low");
    outpost_host_report(host, text);
}

/* Every pin starts low; a pulled-up input is high from here on, as the simulator reports it. */
int32_t platform_gpio_configure(int32_t pin, int32_t mode) {
    int32_t result = mps2_pin_check(pin, mode);
    if (result == OUTPOST_OK && mode == OUTPOST_PIN_INPUT_PULLUP) report_level(pin, 1);
    return result;
}

/* The host calls this only when an output's level changes. */
void platform_gpio_write(int32_t pin, int32_t level) {
    if (pin < MPS2_LEDS) mps2_led(pin, level);
    report_level(pin, level);
}

int32_t platform_gpio_read(int32_t pin) {
    return host->pins[pin].mode == OUTPOST_PIN_INPUT_PULLUP;
}

void platform_gpio_listen(int32_t pin, int32_t edges) {
    (void)pin;
    (void)edges; /* no pin here ever changes by itself */
}

/* ── UARTs ───────────────────────────────────────────────────────────────── */

int32_t platform_uart_configure(int32_t port, int32_t baud, int32_t flags) {
    (void)flags;
    if (port >= MPS2_UARTS || outpost_board_ports[port].tx_fifo == 0) return OUTPOST_E_NO_PORT;
    mps2_uart_enable(port, baud, U_RX_IRQ | U_TX_IRQ);
    return OUTPOST_OK;
}

int32_t platform_uart_write(outpost_host *h, int32_t port, const uint8_t *data, int32_t len) {
    uint32_t base = MPS2_UART_BASE(port);
    int32_t n = 0;
    (void)h;
    /* Masked, so that one TX interrupt follows the last byte taken, not one per byte. */
    platform_lock();
    while (n < len && !(MPS2_REG(base + U_STATE) & U_TX_FULL)) MPS2_REG(base + U_DATA) = data[n++];
    platform_unlock();
    return n;
}

/* The holding register is empty: every byte taken is on the wire. */
static void uart_tx_irq(int32_t port) {
    MPS2_REG(MPS2_UART_BASE(port) + U_INT) = 1u;
    outpost_host_uart_tx_done(host, port, platform_now_us());
}

void mps2_uart0_tx_irq(void) { uart_tx_irq(0); }
void mps2_uart1_tx_irq(void) { uart_tx_irq(1); }
void mps2_uart2_tx_irq(void) { uart_tx_irq(2); }
