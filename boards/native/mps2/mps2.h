/*
 * mps2.h — the seam between the MPS2 platform (platform_mps2.c: clock,
 * sleep, semihosting, reports, main) and its two I/O variants, one of
 * which an image links (src/toolchain/native/project.ts picks):
 *
 *   io_direct.c   a user image: LEDs on the FPGAIO register, UARTs driven
 *                 by their own TX and RX interrupts, as a port to a real
 *                 chip would do it. No test channel; the second word of
 *                 the semihosting command line is the stop time in µs.
 *   io_bench.c    a test image: pins and UARTs through the bench
 *                 (boards/wasm/host/bench.c: line-rate UARTs, driven pins,
 *                 --expect-text), fed by the stimulus file the second word
 *                 names. Marked in the image so that outpost run knows.
 *
 * Both define platform.h's pin and UART functions and the mps2_io_* hooks
 * below. Loop context unless said otherwise; no allocation.
 */
#ifndef OUTPOST_MPS2_H
#define OUTPOST_MPS2_H

#include <stdint.h>

#include "host.h"

#define MPS2_REG(addr) (*(volatile uint32_t *)(addr))

/* CMSDK APB UARTs: DATA, STATE (bit 0 TX full, bit 1 RX full), CTRL, INT (write 1 to clear: bit 0 TX, bit 1 RX), BAUDDIV. */
#define MPS2_UARTS 3
#define U_DATA 0x00u
#define U_STATE 0x04u
#define U_CTRL 0x08u
#define U_INT 0x0Cu
#define U_BAUDDIV 0x10u
#define U_TX_FULL 1u
#define U_RX_FULL 2u
#define U_TX_EN 1u
#define U_RX_EN 2u
#define U_TX_IRQ 4u
#define U_RX_IRQ 8u
#define NVIC_ISER 0xE000E100u
#define MPS2_UART_BASE(port) (0x40004000u + 0x1000u * (uint32_t)(port))
/* AN385 interrupt numbers: UARTn RX at 2n, TX at 2n + 1. */
#define MPS2_UART_RX_IRQ(port) (2u * (uint32_t)(port))
#define MPS2_LEDS 2 /* pins 0, 1: FPGAIO user LEDs; 2, 3: the push buttons */

extern outpost_host mps2_host;

/* Semihosting (platform_mps2.c). */
int mps2_semihost(int op, void *block);
int mps2_open(const char *path, int mode);
void mps2_exit(int status) __attribute__((noreturn));

/* OUTPOST_OK, or why `mode` does not suit `pin` on this board (LEDs are outputs, buttons inputs). */
int32_t mps2_pin_check(int32_t pin, int32_t mode);
/* Drives user LED `pin` (< MPS2_LEDS) on the FPGAIO. */
void mps2_led(int32_t pin, int32_t level);
/* Baud divider and enables for `port` (interrupts in `irqs`: U_RX_IRQ, U_TX_IRQ), its NVIC lines on. */
void mps2_uart_enable(int32_t port, int32_t baud, uint32_t irqs);

/* The I/O variant: set up before the host runs, take the command line's second word (NULL: none). */
void mps2_io_init(outpost_host *host);
void mps2_io_start(const char *word);
/* When the variant next has work of its own (µs, -1: none), and doing what is due at `now_us`. */
int64_t mps2_io_next(void);
void mps2_io_run(int64_t now_us);
/* The exit status, once the host loop returned `status`. */
int mps2_io_finish(int status);

#endif /* OUTPOST_MPS2_H */
