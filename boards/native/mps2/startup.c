/*
 * startup.c — reset and the vector table for the MPS2 Cortex-M images.
 *
 * Reset copies .data from flash, zeroes .bss, paints the C stack (so the
 * platform can measure its peak use) and calls main(). The vector table
 * names the handlers platform_mps2.c defines; any other exception stops the
 * image with a report (mps2_fault).
 */
#include <stdint.h>
#include <string.h>

extern uint32_t __data_start, __data_end, __data_load, __bss_start, __bss_end, __stack_bottom, __stack_top;
extern int main(void);
void Reset_Handler(void);
void mps2_fault(void);
void mps2_timer0_irq(void);
void mps2_timer1_irq(void);
void mps2_uart0_rx_irq(void);
void mps2_uart1_rx_irq(void);
void mps2_uart2_rx_irq(void);
/* TX interrupts: a user image drives its UARTs by them (io_direct.c); a test image has none (0 in the table). */
void mps2_uart0_tx_irq(void) __attribute__((weak));
void mps2_uart1_tx_irq(void) __attribute__((weak));
void mps2_uart2_tx_irq(void) __attribute__((weak));

#define STACK_PAINT 0x5AA5F00Du

void Reset_Handler(void) {
    uint32_t *word;
    memcpy(&__data_start, &__data_load, (size_t)((uint8_t *)&__data_end - (uint8_t *)&__data_start));
    memset(&__bss_start, 0, (size_t)((uint8_t *)&__bss_end - (uint8_t *)&__bss_start));
    /* Paint the stack below what reset itself is using now. */
    for (word = &__stack_bottom; word < &__stack_top - 64; word++) *word = STACK_PAINT;
    main();
    for (;;) {}
}

/* Bytes of the C stack ever used: the unpainted part. */
uint32_t mps2_stack_peak(void) {
    const uint32_t *word = &__stack_bottom;
    while (word < &__stack_top && *word == STACK_PAINT) word++;
    return (uint32_t)((const uint8_t *)&__stack_top - (const uint8_t *)word);
}

typedef void (*vector)(void);

/* Cortex-M exceptions 1–15, then the MPS2 (AN385) interrupts: UARTn RX at 0, 2, 4, TX at 1, 3, 5; timers at 8, 9. */
__attribute__((section(".vectors"), used)) static const vector vectors[16 + 32] = {
    (vector)(uintptr_t)&__stack_top,
    Reset_Handler,
    mps2_fault, /* NMI */
    mps2_fault, /* HardFault */
    mps2_fault, /* MemManage */
    mps2_fault, /* BusFault */
    mps2_fault, /* UsageFault */
    0, 0, 0, 0,
    mps2_fault, /* SVCall */
    mps2_fault, /* DebugMonitor */
    0,
    mps2_fault, /* PendSV */
    mps2_fault, /* SysTick */
    [16 + 0] = mps2_uart0_rx_irq,
    [16 + 1] = mps2_uart0_tx_irq,
    [16 + 2] = mps2_uart1_rx_irq,
    [16 + 3] = mps2_uart1_tx_irq,
    [16 + 4] = mps2_uart2_rx_irq,
    [16 + 5] = mps2_uart2_tx_irq,
    [16 + 8] = mps2_timer0_irq,
    [16 + 9] = mps2_timer1_irq,
};
