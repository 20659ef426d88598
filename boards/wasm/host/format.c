/*
 * format.c — see format.h. A writer that drops what does not fit, and one
 * loop over the format string; numbers are turned to digits with
 * outpost_div_u64, so no 64-bit division is linked.
 */
#include "format.h"

typedef struct writer {
    char *dst;
    uint32_t cap; /* room for text; the NUL goes after it */
    uint32_t n;
} writer;

static void put(writer *w, char c) {
    if (w->n < w->cap) w->dst[w->n++] = c;
}

uint32_t outpost_div_u64(uint64_t *n, uint32_t d) {
    uint32_t hi = (uint32_t)(*n >> 32), lo = (uint32_t)*n;
    uint32_t q_hi = hi / d, r = hi % d;
    /* r < d <= 0xFFFF, so each 16-bit step's dividend fits in 32 bits and its quotient in 16. */
    uint32_t x = (r << 16) | (lo >> 16), q_mid = x / d;
    r = x % d;
    x = (r << 16) | (lo & 0xFFFFu);
    *n = ((uint64_t)q_hi << 32) | (q_mid << 16) | (x / d);
    return x % d;
}

/* The magnitude `v`, "-" first when `negative`, right-aligned in `width` with spaces or (zero) zeros. */
static void put_number(writer *w, uint64_t v, int negative, uint32_t width, int zero) {
    char digits[20];
    uint32_t k = 0, len;
    do digits[k++] = (char)('0' + outpost_div_u64(&v, 10));
    while (v);
    len = k + (negative ? 1 : 0);
    if (!zero) for (; width > len; width--) put(w, ' ');
    if (negative) put(w, '-');
    if (zero) for (; width > len; width--) put(w, '0');
    while (k) put(w, digits[--k]);
}

uint32_t outpost_vformat(char *dst, uint32_t cap, const char *format, va_list args) {
    writer w = {dst, cap ? cap - 1 : 0, 0};
    const char *f;
    if (cap == 0) return 0;
    for (f = format; *f; f++) {
        uint32_t width = 0, longs = 0;
        int32_t precision = -1;
        int zero = 0;
        if (*f != '%') {
            put(&w, *f);
            continue;
        }
        f++;
        if (*f == '0') zero = 1, f++;
        while (*f >= '0' && *f <= '9') width = width * 10 + (uint32_t)(*f++ - '0');
        if (*f == '.') {
            f++;
            if (*f == '*') {
                precision = va_arg(args, int);
                f++;
            } else {
                for (precision = 0; *f >= '0' && *f <= '9'; f++) precision = precision * 10 + (*f - '0');
            }
        }
        while (*f == 'l') longs++, f++;
        if (*f == 'd') {
            int64_t v = longs >= 2 ? va_arg(args, long long) : longs ? va_arg(args, long) : va_arg(args, int);
            /* The magnitude as unsigned: -2^63 has no positive int64_t. */
            put_number(&w, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0, width, zero);
        } else if (*f == 'u') {
            uint64_t v = longs >= 2 ? va_arg(args, unsigned long long) : longs ? va_arg(args, unsigned long) : va_arg(args, unsigned);
            put_number(&w, v, 0, width, zero);
        } else if (*f == 's') {
            const char *s = va_arg(args, const char *);
            for (; *s && precision != 0; s++, precision--) put(&w, *s);
        } else if (*f == '%') {
            put(&w, '%');
        } else {
            break; /* not a conversion this formatter has: stop rather than misread the arguments */
        }
    }
    dst[w.n] = '\0';
    return w.n;
}

uint32_t outpost_format(char *dst, uint32_t cap, const char *format, ...) {
    va_list args;
    uint32_t n;
    va_start(args, format);
    n = outpost_vformat(dst, cap, format, args);
    va_end(args);
    return n;
}
