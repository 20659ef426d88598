/*
 * platform.h — what the host loop needs from a board.
 *
 * A board port implements this file (platform_posix.c is the reference for
 * a PC) and provides the program entry that calls outpost_host_run (main(),
 * app_main(), …). The loop owns all ABI bookkeeping (pin and port claims,
 * RX FIFOs, the event queue); the platform only touches hardware and
 * reports what happened:
 *
 *   interrupt / input            platform calls (any context, short)
 *   ─────────────────            ───────────────────────────────────
 *   byte received on a UART      outpost_host_uart_rx(host, port, bytes, n, at_us)
 *   every taken TX byte is sent  outpost_host_uart_tx_done(host, port, at_us)
 *   GPIO edge                    outpost_host_gpio_edge(host, pin, level, at_us)
 *   UART framing error           outpost_host_uart_error(host, port, kind, at_us)
 *
 * Those functions take platform_lock() themselves; they never call into the
 * firmware.
 */
#ifndef OUTPOST_PLATFORM_H
#define OUTPOST_PLATFORM_H

#include <stdint.h>

struct outpost_host;

/* Monotonic time in µs, 0 at boot (or host start). */
int64_t platform_now_us(void);

/*
 * Sleeps until `until_us` (absolute; -1: no deadline) or until an event is
 * queued, whichever is first. The loop calls it only with an empty event
 * queue; to avoid a lost wake-up, the platform re-checks
 * outpost_host_has_events(host) after arming its wake source and before
 * sleeping. Returns PLATFORM_WAIT_MORE normally, PLATFORM_WAIT_NEVER when
 * `until_us` is -1 and no event can ever arrive again (all inputs closed):
 * the loop then stops.
 */
#define PLATFORM_WAIT_MORE 0
#define PLATFORM_WAIT_NEVER 1
int platform_wait(struct outpost_host *host, int64_t until_us);

/* Interrupt masking around the host's queues: nests once, never blocks long. */
void platform_lock(void);
void platform_unlock(void);

/*
 * Hardware. The loop has already checked claims and arguments; these
 * return OUTPOST_OK, or OUTPOST_E_NO_PIN / OUTPOST_E_NO_PORT /
 * OUTPOST_E_BAD_CONFIG when the board lacks the thing or cannot do it.
 */
int32_t platform_gpio_configure(int32_t pin, int32_t mode);
void platform_gpio_write(int32_t pin, int32_t level);
int32_t platform_gpio_read(int32_t pin);
void platform_gpio_listen(int32_t pin, int32_t edges);

int32_t platform_uart_configure(int32_t port, int32_t baud, int32_t flags);
/*
 * Queues up to `len` bytes for sending and returns how many were taken; the
 * platform calls outpost_host_uart_tx_done once they are all on the wire
 * (at once, from inside this call, if sending is synchronous).
 */
int32_t platform_uart_write(struct outpost_host *host, int32_t port, const uint8_t *data, int32_t len);

/*
 * The watchdog. The loop arms it before every call into the firmware (the
 * start function, outpost_abi_version, outpost_init, each outpost_event
 * and outpost_poll) and disarms it when the call returns; `budget_us` 0
 * means off. When a call is still running `budget_us` after arming, the
 * platform calls outpost_host_watchdog_expired(host) from its timer
 * interrupt or signal and, while that returns 0, arms again for a short
 * grace period; when it returns 1, the platform resets (on a chip: let the
 * hardware watchdog bite, or NVIC_SystemReset; POSIX: exit 3). A chip's
 * hardware watchdog can back this: feed it in platform_watchdog_disarm.
 */
void platform_watchdog_arm(struct outpost_host *host, uint32_t budget_us);
void platform_watchdog_disarm(void);

/* Diagnostics (logs, panics, traps): one line, without its newline. */
void platform_report(const char *line);

#endif /* OUTPOST_PLATFORM_H */
