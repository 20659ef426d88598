/*
 * platform_mps2.c — platform.h for Arm's MPS2 FPGA boards as QEMU models
 * them (mps2-an385: Cortex-M3; the same image runs on mps2-an386 and
 * mps2-an500), and the image's main().
 *
 *   clock    TIMER1 (CMSDK, 25 MHz) counts down freely; its wrap interrupt,
 *            every 171.8 s, counts epochs: now_us = ticks / 25. No periodic tick.
 *   sleep    TIMER0 as a one-shot for the next deadline, then WFI; any
 *            interrupt (UART RX) ends the sleep early
 *   pins     LED1/LED2 are the FPGAIO user LEDs (bits 0, 1 of its LED
 *            register); BTN1/BTN2 are driven by the test channel only (QEMU
 *            does not model the MPS2 push buttons). bench.c keeps every
 *            level and reports each change
 *   UARTs    CMSDK UART0-2: RX by interrupt into the host's FIFOs; TX paced
 *            by bench.c at the configured baud (QEMU's UART sends at once,
 *            a real one at line rate), each byte written to DATA when its
 *            stop bit would end
 *   reports  semihosting: diagnostics go to the file named first on the
 *            command line, opened for appending (outpost run names ":tt",
 *            which QEMU maps to its stderr); the status leaves with
 *            SYS_EXIT_EXTENDED
 *   test     the second argument names a stimulus file (bench.c), read whole
 *   channel  into the .bench section: bytes to send, pins to drive, texts to
 *            expect, the stop time. A third argument "stack" reports the C
 *            stack's peak and the time the CPU was busy (not in WFI) at exit:
 *            under -icount shift=0 a busy ns is one instruction.
 *
 * QEMU must run the image with -semihosting-config enable=on,target=native
 * (outpost run does; boards/native/README.md has the command line).
 * Interrupt handlers only call the host's platform → host functions, which
 * take platform_lock (PRIMASK).
 */
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "board_tables.h"
#include "host.h"
#include "platform.h"

#define REG(addr) (*(volatile uint32_t *)(addr))

/* CMSDK APB timers: CTRL bit 0 enable, bit 3 interrupt enable; INTCLEAR clears. */
#define TIMER0 0x40000000u
#define TIMER1 0x40001000u
#define T_CTRL 0x00u
#define T_VALUE 0x04u
#define T_RELOAD 0x08u
#define T_INT 0x0Cu
#define T_ENABLE 1u
#define T_IRQ 8u
#define TICKS_PER_US 25u

/* CMSDK APB UARTs. */
#define U_DATA 0x00u
#define U_STATE 0x04u
#define U_CTRL 0x08u
#define U_INT 0x0Cu
#define U_BAUDDIV 0x10u
#define U_TX_FULL 1u
#define U_RX_FULL 2u
#define U_TX_EN 1u
#define U_RX_EN 2u
#define U_RX_IRQ 8u
static const uint32_t uart_base[] = {0x40004000u, 0x40005000u, 0x40006000u};
static const uint32_t uart_irq[] = {0, 2, 4};
#define MPS2_UARTS 3

#define FPGAIO_LED 0x40028000u
#define NVIC_ISER 0xE000E100u

/* Semihosting operations. */
#define SYS_OPEN 0x01
#define SYS_WRITE 0x05
#define SYS_READ 0x06
#define SYS_FLEN 0x0C
#define SYS_GET_CMDLINE 0x15
#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

#ifndef OUTPOST_STIMULUS_BYTES
#define OUTPOST_STIMULUS_BYTES 32768
#endif

static outpost_host host;
static outpost_bench bench;
static volatile uint32_t epochs;
static uint64_t slept; /* ticks spent in WFI: the rest of the run was instructions (1 ns each under -icount shift=0) */
static volatile int wake_armed;
static int diag = -1;
static uint8_t stimuli[OUTPOST_STIMULUS_BYTES] __attribute__((section(".bench")));

extern uint32_t mps2_stack_peak(void);

static int semihost(int op, void *block) {
    register int r0 __asm__("r0") = op;
    register void *r1 __asm__("r1") = block;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

static void semihost_exit(int status) {
    uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
    semihost(SYS_EXIT_EXTENDED, block);
    for (;;) {}
}

static int semihost_open(const char *path, int mode) {
    uint32_t block[3] = {(uint32_t)(uintptr_t)path, (uint32_t)mode, (uint32_t)strlen(path)};
    return semihost(SYS_OPEN, block);
}

/* ── Clock ───────────────────────────────────────────────────────────────── */

static uint64_t ticks(void) {
    uint32_t e, value, primask;
    __asm__ volatile("mrs %0, primask\n cpsid i" : "=r"(primask));
    e = epochs;
    value = REG(TIMER1 + T_VALUE);
    /* A wrap not yet handled: the counter restarted from the top, the epoch is one more. */
    if ((REG(TIMER1 + T_INT) & 1u) && value > 0x80000000u) e++;
    __asm__ volatile("msr primask, %0" : : "r"(primask));
    return ((uint64_t)e << 32) | (uint32_t)(0xFFFFFFFFu - value);
}

int64_t platform_now_us(void) {
    return (int64_t)(ticks() / TICKS_PER_US);
}

void mps2_timer1_irq(void) {
    REG(TIMER1 + T_INT) = 1u;
    epochs++;
}

void mps2_timer0_irq(void) {
    REG(TIMER0 + T_INT) = 1u;
    REG(TIMER0 + T_CTRL) = 0;
    wake_armed = 0;
}

void platform_lock(void) {
    __asm__ volatile("cpsid i" ::: "memory");
}

void platform_unlock(void) {
    __asm__ volatile("cpsie i" ::: "memory");
}

/* Arms TIMER0 to fire when the tick count reaches `target` (at most one counter's range ahead). */
static void arm_wake(uint64_t target) {
    uint64_t now = ticks();
    uint64_t delta = target > now ? target - now : 1;
    if (delta > 0xFFFFFFF0u) delta = 0xFFFFFFF0u; /* far away: wake, look again */
    REG(TIMER0 + T_CTRL) = 0;
    REG(TIMER0 + T_INT) = 1u;
    /* RELOAD stays at its maximum: QEMU (7.2, -icount) wakes a WFI one reload period late otherwise. */
    REG(TIMER0 + T_RELOAD) = 0xFFFFFFFFu;
    REG(TIMER0 + T_VALUE) = (uint32_t)delta;
    wake_armed = 1;
    REG(TIMER0 + T_CTRL) = T_ENABLE | T_IRQ;
}

int platform_wait(outpost_host *h, int64_t until_us) {
    int64_t next = outpost_bench_next(&bench);
    if (next >= 0 && (until_us == OUTPOST_NO_DEADLINE || next < until_us)) until_us = next;
    uint64_t asleep = ticks();
    /* A chip never runs out of inputs: with nothing due, sleep until an interrupt. */
    for (;;) {
        __asm__ volatile("cpsid i" ::: "memory");
        if (outpost_host_has_events(h) || (until_us >= 0 && platform_now_us() >= until_us)) {
            __asm__ volatile("cpsie i" ::: "memory");
            break;
        }
        if (until_us >= 0 && !wake_armed) arm_wake((uint64_t)until_us * TICKS_PER_US);
        __asm__ volatile("wfi\n cpsie i" ::: "memory");
    }
    REG(TIMER0 + T_CTRL) = 0;
    wake_armed = 0;
    slept += ticks() - asleep;
    {
        int64_t now = platform_now_us();
        outpost_bench_run(&bench, now);
        outpost_host_woke(h, now);
    }
    return PLATFORM_WAIT_MORE;
}

/* ── Pins ────────────────────────────────────────────────────────────────── */

int32_t platform_gpio_configure(int32_t pin, int32_t mode) {
    if (pin >= (int32_t)outpost_board_names.pin_count || !outpost_board_names.pins[pin]) return OUTPOST_E_NO_PIN;
    if (pin < 2 && mode != OUTPOST_PIN_OUTPUT) return OUTPOST_E_BAD_CONFIG; /* the LEDs are outputs only */
    if (pin >= 2 && pin < 4 && mode == OUTPOST_PIN_OUTPUT) return OUTPOST_E_BAD_CONFIG; /* buttons are inputs */
    return outpost_bench_gpio_configure(&bench, pin, mode);
}

void platform_gpio_write(int32_t pin, int32_t level) {
    if (pin < 2) {
        uint32_t bit = 1u << pin;
        REG(FPGAIO_LED) = level ? REG(FPGAIO_LED) | bit : REG(FPGAIO_LED) & ~bit;
    }
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
    uint32_t base;
    int32_t result;
    (void)flags;
    if (port >= MPS2_UARTS) return OUTPOST_E_NO_PORT;
    result = outpost_bench_uart_configure(&bench, port, baud);
    if (result != OUTPOST_OK) return result;
    base = uart_base[port];
    REG(base + U_BAUDDIV) = 25000000u / (uint32_t)baud < 16 ? 16 : 25000000u / (uint32_t)baud;
    REG(base + U_CTRL) = U_TX_EN | U_RX_EN | U_RX_IRQ;
    REG(NVIC_ISER) = 1u << uart_irq[port];
    return OUTPOST_OK;
}

int32_t platform_uart_write(outpost_host *h, int32_t port, const uint8_t *data, int32_t len) {
    (void)h;
    return outpost_bench_uart_write(&bench, port, data, len);
}

/* A byte's stop bit is over: hand it to the emulated UART. */
void platform_bench_output(int32_t port, uint8_t byte) {
    uint32_t base = uart_base[port];
    while (REG(base + U_STATE) & U_TX_FULL) {}
    REG(base + U_DATA) = byte;
}

static void uart_rx_irq(int32_t port) {
    uint32_t base = uart_base[port];
    REG(base + U_INT) = 2u;
    while (REG(base + U_STATE) & U_RX_FULL) {
        uint8_t byte = (uint8_t)REG(base + U_DATA);
        outpost_host_uart_rx(&host, port, &byte, 1, platform_now_us());
    }
}

void mps2_uart0_rx_irq(void) { uart_rx_irq(0); }
void mps2_uart1_rx_irq(void) { uart_rx_irq(1); }
void mps2_uart2_rx_irq(void) { uart_rx_irq(2); }

/* ── Reports and the entry ───────────────────────────────────────────────── */

static void write_diag(const char *text, uint32_t n) {
    uint32_t block[3];
    block[0] = (uint32_t)diag;
    block[1] = (uint32_t)(uintptr_t)text;
    block[2] = n;
    semihost(SYS_WRITE, block);
}

/*
 * The watchdog (platform.h): not armed on mps2 yet. The board has a CMSDK
 * APB watchdog that could back it; until then a call that never returns
 * hangs the image, as QEMU's -icount run would show.
 */
void platform_watchdog_arm(outpost_host *h, uint32_t budget_us) {
    (void)h;
    (void)budget_us;
}

void platform_watchdog_disarm(void) {}

void platform_report(const char *line) {
    if (diag < 0) return;
    write_diag(line, (uint32_t)strlen(line));
    write_diag("\n", 1);
}

void mps2_fault(void) {
    uint32_t ipsr;
    char line[64];
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    snprintf(line, sizeof line, "mps2: fault (exception %lu): the image stopped", (unsigned long)(ipsr & 0x1FFu));
    platform_report(line);
    semihost_exit(70);
}

/* "DIAG [STIMULI [stack]]" from QEMU's -semihosting-config arg=…, in `line`; returns how many words. */
static int command_line(char *line, uint32_t cap, char *words[3]) {
    uint32_t block[2];
    block[0] = (uint32_t)(uintptr_t)line;
    block[1] = cap;
    int n = 0;
    char *p = line;
    if (semihost(SYS_GET_CMDLINE, block) != 0) return 0;
    line[cap - 1] = '\0';
    while (*p && n < 3) {
        while (*p == ' ') *p++ = '\0';
        if (!*p) break;
        words[n++] = p;
        while (*p && *p != ' ') p++;
    }
    if (*p) *p = '\0';
    return n;
}

static void load_stimuli(const char *path) {
    int file = semihost_open(path, 1 /* "rb" */);
    uint32_t block[3];
    int len;
    const char *error;
    if (file < 0) {
        platform_report("mps2: cannot open the stimulus file named on the command line");
        semihost_exit(1);
    }
    block[0] = (uint32_t)file;
    len = semihost(SYS_FLEN, block);
    if (len < 0 || len > (int)sizeof stimuli) {
        platform_report("mps2: the stimulus file is larger than this image's test channel (OUTPOST_STIMULUS_BYTES)");
        semihost_exit(1);
    }
    block[1] = (uint32_t)(uintptr_t)stimuli;
    block[2] = (uint32_t)len;
    semihost(SYS_READ, block);
    error = outpost_bench_load(&bench, stimuli, (uint32_t)len);
    if (error) {
        platform_report(error);
        semihost_exit(1);
    }
}

/* Opens the diagnostics file and loads the test channel; the command line lives on the stack only meanwhile. */
static int start(void) {
    char line[192];
    char *words[3] = {NULL, NULL, NULL};
    int n = command_line(line, sizeof line, words);
    if (n >= 1) diag = semihost_open(words[0], 8 /* "a": appends, never truncates */);
    if (n >= 2) load_stimuli(words[1]);
    return n >= 3 && strcmp(words[2], "stack") == 0;
}

int main(void) {
    int stack_report, status;
    outpost_host_init(&host);
    host.names = outpost_board_names;
    host.config.stack_bytes = OUTPOST_STACK_BYTES;
    outpost_bench_init(&bench, &host, outpost_board_ports);
    stack_report = start();
    /* The clock starts with the host: time 0 is when the firmware starts, as in the simulator. */
    REG(TIMER1 + T_RELOAD) = 0xFFFFFFFFu;
    REG(TIMER1 + T_VALUE) = 0xFFFFFFFFu;
    REG(TIMER1 + T_CTRL) = T_ENABLE | T_IRQ;
    REG(NVIC_ISER) = (1u << 8) | (1u << 9);
    status = outpost_bench_finish(&bench, outpost_host_run(&host, NULL, 0));
    if (stack_report) {
        char line[96];
        snprintf(line, sizeof line, "mps2: C stack peak %lu bytes", (unsigned long)mps2_stack_peak());
        platform_report(line);
        snprintf(line, sizeof line, "mps2: busy %llu ns", (unsigned long long)((ticks() - slept) * (1000u / TICKS_PER_US)));
        platform_report(line);
    }
    semihost_exit(status);
    return status;
}
