/*
 * platform_mps2.c — platform.h for Arm's MPS2 FPGA boards as QEMU models
 * them (mps2-an385: Cortex-M3; the same image runs on mps2-an386 and
 * mps2-an500), and the image's main(). Pins and UARTs are in one of two
 * I/O variants (mps2.h): io_direct.c in user images, io_bench.c in test
 * images.
 *
 *   clock    TIMER1 (CMSDK, 25 MHz) counts down freely; its wrap interrupt,
 *            every 171.8 s, counts epochs: now_us = ticks / 25. No periodic tick.
 *   sleep    TIMER0 as a one-shot for the next deadline, then WFI; any
 *            interrupt (UART RX) ends the sleep early
 *   pins     LED1/LED2 are the FPGAIO user LEDs (bits 0, 1 of its LED
 *            register), each change reported; BTN1/BTN2 are driven by the
 *            test channel only (QEMU does not model the MPS2 push buttons)
 *   UARTs    CMSDK UART0-2: RX by interrupt into the host's FIFOs (here);
 *            TX by interrupt (user image) or paced by bench.c at the
 *            configured baud (test image: QEMU's UART sends at once, a real
 *            one at line rate)
 *   reports  semihosting: diagnostics go to the file named first on the
 *            command line, opened for appending (outpost run names ":tt",
 *            which QEMU maps to its stderr); the status leaves with
 *            SYS_EXIT_EXTENDED
 *   command  "DIAG ARG [stack]": ARG is the stop time in µs (user image) or
 *   line     the stimulus file (test image: io_bench.c). "stack" reports
 *            the C stack's peak and the time the CPU was busy (not in WFI)
 *            at exit: under -icount shift=0 a busy ns is one instruction.
 *
 * QEMU must run the image with -semihosting-config enable=on,target=native
 * (outpost run does; boards/native/README.md has the command line).
 * Interrupt handlers only call the host's platform → host functions, which
 * take platform_lock (PRIMASK).
 */
#include <string.h>

#include "board_tables.h"
#include "format.h"
#include "host.h"
#include "mps2.h"
#include "outpost_build.h" /* OUTPOST_STACK_BYTES */
#include "platform.h"

#define REG MPS2_REG

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

#define FPGAIO_LED 0x40028000u

/* Semihosting operations. */
#define SYS_OPEN 0x01
#define SYS_WRITE 0x05
#define SYS_GET_CMDLINE 0x15
#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

outpost_host mps2_host;
static volatile uint32_t epochs;
static uint64_t slept; /* ticks spent in WFI: the rest of the run was instructions (1 ns each under -icount shift=0) */
static volatile int wake_armed;
static int diag = -1;

extern uint32_t mps2_stack_peak(void);
extern uint32_t __stack_bottom;

/*
 * The firmware's frames stop this far above the C stack's bottom (the
 * "call stack exhausted" trap): below them there must still be room for an
 * import's report (a line buffer of OUTPOST_TEXT_CHARS and the formatter,
 * about 450 bytes), an interrupt's frame and the trap's longjmp.
 */
#define MPS2_STACK_RESERVE 640u

int mps2_semihost(int op, void *block) {
    register int r0 __asm__("r0") = op;
    register void *r1 __asm__("r1") = block;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void mps2_exit(int status) {
    uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
    mps2_semihost(SYS_EXIT_EXTENDED, block);
    for (;;) {}
}

int mps2_open(const char *path, int mode) {
    uint32_t block[3] = {(uint32_t)(uintptr_t)path, (uint32_t)mode, (uint32_t)strlen(path)};
    return mps2_semihost(SYS_OPEN, block);
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
    uint64_t t = ticks();
    outpost_div_u64(&t, TICKS_PER_US);
    return (int64_t)t;
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
    int64_t next = mps2_io_next();
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
        mps2_io_run(now);
        outpost_host_woke(h, now);
    }
    return PLATFORM_WAIT_MORE;
}

/* ── Pins and UARTs (shared by both I/O variants) ───────────────────────── */

int32_t mps2_pin_check(int32_t pin, int32_t mode) {
    if (pin >= (int32_t)outpost_board_names.pin_count || !outpost_board_names.pins[pin]) return OUTPOST_E_NO_PIN;
    if (pin < MPS2_LEDS && mode != OUTPOST_PIN_OUTPUT) return OUTPOST_E_BAD_CONFIG;
    if (pin >= MPS2_LEDS && pin < 4 && mode == OUTPOST_PIN_OUTPUT) return OUTPOST_E_BAD_CONFIG; /* buttons are inputs */
    return OUTPOST_OK;
}

void mps2_led(int32_t pin, int32_t level) {
    uint32_t bit = 1u << pin;
    REG(FPGAIO_LED) = level ? REG(FPGAIO_LED) | bit : REG(FPGAIO_LED) & ~bit;
}

void mps2_uart_enable(int32_t port, int32_t baud, uint32_t irqs) {
    uint32_t base = MPS2_UART_BASE(port), div = 25000000u / (uint32_t)baud;
    REG(base + U_BAUDDIV) = div < 16 ? 16 : div;
    REG(base + U_CTRL) = U_TX_EN | U_RX_EN | irqs;
    REG(NVIC_ISER) = (irqs & U_TX_IRQ ? 3u : 1u) << MPS2_UART_RX_IRQ(port);
}

static void uart_rx_irq(int32_t port) {
    uint32_t base = MPS2_UART_BASE(port);
    REG(base + U_INT) = 2u;
    while (REG(base + U_STATE) & U_RX_FULL) {
        uint8_t byte = (uint8_t)REG(base + U_DATA);
        outpost_host_uart_rx(&mps2_host, port, &byte, 1, platform_now_us());
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
    mps2_semihost(SYS_WRITE, block);
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
    outpost_format(line, sizeof line, "mps2: fault (exception %lu): the image stopped", (unsigned long)(ipsr & 0x1FFu));
    platform_report(line);
    mps2_exit(70);
}

/* "DIAG [STIMULI [stack]]" from QEMU's -semihosting-config arg=…, in `line`; returns how many words. */
static int command_line(char *line, uint32_t cap, char *words[3]) {
    uint32_t block[2];
    block[0] = (uint32_t)(uintptr_t)line;
    block[1] = cap;
    int n = 0;
    char *p = line;
    if (mps2_semihost(SYS_GET_CMDLINE, block) != 0) return 0;
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

/* Opens the diagnostics file and hands the second word to the I/O variant; the command line lives on the stack only meanwhile. */
static int start(void) {
    char line[192];
    char *words[3] = {NULL, NULL, NULL};
    int n = command_line(line, sizeof line, words);
    if (n >= 1) diag = mps2_open(words[0], 8 /* "a": appends, never truncates */);
    mps2_io_start(n >= 2 ? words[1] : NULL);
    return n >= 3 && strcmp(words[2], "stack") == 0;
}

int main(void) {
    int stack_report, status;
    outpost_host_init(&mps2_host);
    mps2_host.names = outpost_board_names;
    mps2_host.config.stack_bytes = OUTPOST_STACK_BYTES;
    mps2_host.config.stack_floor = (uintptr_t)&__stack_bottom + MPS2_STACK_RESERVE;
    mps2_io_init(&mps2_host);
    stack_report = start();
    /* The clock starts with the host: time 0 is when the firmware starts, as in the simulator. */
    REG(TIMER1 + T_RELOAD) = 0xFFFFFFFFu;
    REG(TIMER1 + T_VALUE) = 0xFFFFFFFFu;
    REG(TIMER1 + T_CTRL) = T_ENABLE | T_IRQ;
    REG(NVIC_ISER) = (1u << 8) | (1u << 9);
    status = mps2_io_finish(outpost_host_run(&mps2_host, NULL, 0));
    if (stack_report) {
        char line[96];
        outpost_format(line, sizeof line, "mps2: C stack peak %lu bytes", (unsigned long)mps2_stack_peak());
        platform_report(line);
        outpost_format(line, sizeof line, "mps2: busy %llu ns", (unsigned long long)((ticks() - slept) * (1000u / TICKS_PER_US)));
        platform_report(line);
    }
    mps2_exit(status);
    return status;
}
