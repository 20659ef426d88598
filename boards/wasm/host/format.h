/*
 * format.h — the host's own small text formatter, in place of the C
 * library's snprintf: every line the host, the bench and the platforms
 * build goes through it, so a PC host, a wasm3 board and a native image
 * print byte for byte the same, and a native image links no printf
 * (picolibc's integer vfprintf is 1.2 KB of flash) and no 64-bit division
 * (libgcc's __udivmoddi4, 0.9 KB).
 *
 * Conversions: %d %u (with l or ll), %s, %%; flag 0, a field width, and a
 * precision for %s (".60" or ".*"). Nothing else: the host prints integers
 * and text only. Unlike snprintf, the return value is the length actually
 * written (at most cap - 1), so `at += outpost_format(line + at, ...)`
 * never runs past the buffer. Any context; no allocation.
 */
#ifndef OUTPOST_FORMAT_H
#define OUTPOST_FORMAT_H

#include <stdarg.h>
#include <stdint.h>

#if defined(__GNUC__)
#define OUTPOST_FORMAT_CHECK(f, a) __attribute__((format(printf, f, a)))
#else
#define OUTPOST_FORMAT_CHECK(f, a)
#endif

/* Writes `format` with its arguments into dst (cap > 0 bytes, NUL-terminated); returns the length written. */
uint32_t outpost_format(char *dst, uint32_t cap, const char *format, ...) OUTPOST_FORMAT_CHECK(3, 4);
uint32_t outpost_vformat(char *dst, uint32_t cap, const char *format, va_list args) OUTPOST_FORMAT_CHECK(3, 0);

/*
 * *n /= d (1 <= d <= 65535), returning the remainder, in 32-bit steps: a
 * Cortex-M has a 32-bit divider, and a 64-bit `/` would pull in libgcc's.
 */
uint32_t outpost_div_u64(uint64_t *n, uint32_t d);

#endif /* OUTPOST_FORMAT_H */
