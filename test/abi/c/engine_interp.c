/*
 * engine_interp.c — engine.h as a small WebAssembly interpreter, so that
 * the C host runs the hostile modules of test/fixtures/abi/ in the tests
 * (test/abi/conformance.test.ts), built with -fsanitize=address,undefined,
 * where wasm3 is not at hand.
 *
 * It runs the MVP instructions those modules use (control flow, calls,
 * locals and globals, i32 arithmetic, i32/i64 comparisons, i64 add and
 * subtract, loads and stores,
 * memory.size/grow, constants) and traps with "[trap] unsupported
 * instruction 0x.." on any other: a test engine, not a product. What it
 * shares with real adapters is the contract: every import goes to the
 * host_* functions with (ptr, len) checked against its memory first
 * (host_fault ABI_VIOLATION otherwise), a panic or broken rule traps, a
 * result is stored by the export's own type, and a loop checks
 * outpost_host_watchdog_fired at each iteration, as an engine that can be
 * interrupted would.
 *
 * Limits (fixed arrays; a module past them is refused at load): 64 types,
 * 64 functions, 16 globals, 16 locals a function, 2 pages of memory
 * (ENGINE_PAGES), call depth 64. outpost_host_run has already checked the
 * module against the ABI (abi_check.c), so imports are known functions.
 */
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "host.h"

#define PAGE 65536
#define ENGINE_PAGES 2
#define MAX_TYPES 64
#define MAX_FUNCS 64
#define MAX_GLOBALS 16
#define MAX_LOCALS 16
#define MAX_STACK 64
#define MAX_DEPTH 64

typedef struct func_type {
    uint8_t params, results;
    uint8_t param[MAX_LOCALS];
    uint8_t result;
} func_type;

typedef struct function {
    uint32_t type;
    int import;         /* index into the ABI's import table, or -1 for a defined function */
    const uint8_t *code; /* after the local declarations */
    const uint8_t *end;
    uint8_t locals;     /* declared locals, after the parameters */
} function;

struct outpost_engine {
    outpost_host *host;
    func_type types[MAX_TYPES];
    function funcs[MAX_FUNCS];
    uint32_t nfuncs;
    uint64_t globals[MAX_GLOBALS];
    uint32_t nglobals;
    int32_t exports[ENGINE_EXPORT_COUNT]; /* function index, or -1 */
    int64_t start;
    uint32_t pages, max_pages;
    int depth;
    char trap[96];
    uint8_t memory[ENGINE_PAGES * PAGE];
};

static outpost_engine the_engine;
static const char panic_trap[] = "[trap] outpost panic";

/* ── Reading ───────────────────────────────────────────────────────────── */

typedef struct cursor {
    const uint8_t *at, *end;
} cursor;

static int ok_to_read(const cursor *c, uint32_t n) {
    return (uint32_t)(c->end - c->at) >= n;
}

static uint64_t leb(cursor *c, int is_signed, int bits) {
    uint64_t value = 0;
    int shift = 0;
    uint8_t b = 0x80;
    while ((b & 0x80) && shift < 70 && c->at < c->end) {
        b = *c->at++;
        if (shift < 64) value |= (uint64_t)(b & 0x7f) << shift;
        shift += 7;
    }
    if (is_signed && shift < 64 && (b & 0x40)) value |= ~(uint64_t)0 << shift;
    if (bits == 32) value &= 0xffffffffu;
    return value;
}

#define U32(c) ((uint32_t)leb(c, 0, 32))
#define SKIP_U32(c) ((void)leb(c, 0, 32))

static int name_eq(cursor *c, const char *text) {
    uint32_t n = U32(c);
    int equal = ok_to_read(c, n) && strlen(text) == n && memcmp(c->at, text, n) == 0;
    c->at += ok_to_read(c, n) ? n : (uint32_t)(c->end - c->at);
    return equal;
}

static const char *const abi_import_names[] = {
#define INTERP_IMPORT_NAME(name, signature) #name,
    OUTPOST_IMPORTS(INTERP_IMPORT_NAME)
#undef INTERP_IMPORT_NAME
};
static const char *const abi_export_names[] = {
#define INTERP_EXPORT_NAME(id, name, signature) name,
    OUTPOST_EXPORTS(INTERP_EXPORT_NAME)
#undef INTERP_EXPORT_NAME
};

/* A constant expression (i32/i64/f32/f64.const, then end): its bits. */
static uint64_t constant(cursor *c) {
    uint8_t op = c->at < c->end ? *c->at++ : 0;
    uint64_t v = 0;
    if (op == 0x41) v = leb(c, 1, 32);
    else if (op == 0x42) v = leb(c, 1, 64);
    else if (op == 0x43 && ok_to_read(c, 4)) memcpy(&v, c->at, 4), c->at += 4;
    else if (op == 0x44 && ok_to_read(c, 8)) memcpy(&v, c->at, 8), c->at += 8;
    if (c->at < c->end) c->at++; /* end */
    return v;
}

static const char *load_sections(outpost_engine *e, const uint8_t *wasm, uint32_t len) {
    cursor c = {wasm + 8, wasm + len};
    uint32_t ntypes = 0, i;
    while (c.at < c.end) {
        uint8_t id = *c.at++;
        uint32_t size = U32(&c), n;
        cursor s = {c.at, c.at + size};
        if (!ok_to_read(&c, size)) return "a section runs past the end";
        c.at += size;
        if (id == 1) {
            for (n = U32(&s), i = 0; i < n; i++) {
                func_type *t = &e->types[ntypes];
                uint32_t k, np, nr;
                if (ntypes >= MAX_TYPES) return "too many types for the test engine";
                s.at++; /* 0x60 */
                np = U32(&s);
                if (np > MAX_LOCALS || !ok_to_read(&s, np)) return "too many parameters for the test engine";
                t->params = (uint8_t)np;
                for (k = 0; k < np; k++) t->param[k] = *s.at++;
                nr = U32(&s);
                if (nr > 1 || !ok_to_read(&s, nr)) return "multiple results are beyond the test engine";
                t->results = (uint8_t)nr;
                t->result = nr ? *s.at++ : 0;
                ntypes++;
            }
        } else if (id == 2) {
            for (n = U32(&s), i = 0; i < n; i++) {
                function *f = &e->funcs[e->nfuncs];
                uint32_t k;
                int which = -1;
                if (e->nfuncs >= MAX_FUNCS) return "too many functions for the test engine";
                name_eq(&s, "outpost");
                for (k = 0; k < sizeof abi_import_names / sizeof abi_import_names[0] && which < 0; k++) {
                    cursor peek = s;
                    if (name_eq(&peek, abi_import_names[k])) which = (int)k;
                }
                name_eq(&s, "");
                s.at++; /* kind: a function (abi_check.c refused the rest) */
                f->type = U32(&s);
                f->import = which;
                e->nfuncs++;
            }
        } else if (id == 3) {
            for (n = U32(&s), i = 0; i < n; i++) {
                if (e->nfuncs + i >= MAX_FUNCS) return "too many functions for the test engine";
                e->funcs[e->nfuncs + i].type = U32(&s);
                e->funcs[e->nfuncs + i].import = -1;
            }
        } else if (id == 5) {
            if (U32(&s) > 0) {
                uint8_t flags = *s.at++;
                e->pages = U32(&s);
                e->max_pages = flags & 1 ? U32(&s) : ENGINE_PAGES;
                if (e->max_pages > ENGINE_PAGES) e->max_pages = ENGINE_PAGES;
                if (e->pages > ENGINE_PAGES) return "the memory is larger than the test engine's two pages";
            }
        } else if (id == 6) {
            for (n = U32(&s), i = 0; i < n; i++) {
                if (e->nglobals >= MAX_GLOBALS) return "too many globals for the test engine";
                s.at += 2; /* value type, mutability */
                e->globals[e->nglobals++] = constant(&s);
            }
        } else if (id == 7) {
            for (n = U32(&s), i = 0; i < n; i++) {
                uint32_t k, index;
                int which = -1;
                uint8_t kind;
                for (k = 0; k < ENGINE_EXPORT_COUNT && which < 0; k++) {
                    cursor peek = s;
                    if (name_eq(&peek, abi_export_names[k])) which = (int)k;
                }
                name_eq(&s, "");
                kind = *s.at++;
                index = U32(&s);
                if (which >= 0 && kind == 0) e->exports[which] = (int32_t)index;
            }
        } else if (id == 8) {
            e->start = U32(&s);
        } else if (id == 10) {
            uint32_t first = e->nfuncs;
            for (n = U32(&s), i = 0; i < n; i++) {
                uint32_t body = U32(&s), groups, g, locals = 0;
                function *f = &e->funcs[first + i];
                cursor b = {s.at, s.at + body};
                if (first + i >= MAX_FUNCS || !ok_to_read(&s, body)) return "a function body runs past its section";
                for (groups = U32(&b), g = 0; g < groups; g++) {
                    locals += U32(&b);
                    b.at++;
                }
                if (locals + e->types[f->type].params > MAX_LOCALS) return "too many locals for the test engine";
                f->locals = (uint8_t)locals;
                f->code = b.at;
                f->end = s.at + body;
                s.at += body;
            }
            e->nfuncs = first + n;
        } else if (id == 11) {
            for (n = U32(&s), i = 0; i < n; i++) {
                uint32_t offset, size2;
                SKIP_U32(&s); /* flags: active, memory 0 */
                offset = (uint32_t)constant(&s);
                size2 = U32(&s);
                if (!ok_to_read(&s, size2) || offset > e->pages * PAGE || size2 > e->pages * PAGE - offset) return "a data segment is out of bounds";
                memcpy(e->memory + offset, s.at, size2);
                s.at += size2;
            }
        }
    }
    return NULL;
}

/* ── Running ───────────────────────────────────────────────────────────── */

static const char *trap(outpost_engine *e, const char *text) {
    snprintf(e->trap, sizeof e->trap, "[trap] %s", text);
    return e->trap;
}

/* Skips one instruction's immediates (the opcode is read). */
static void skip_immediates(cursor *c, uint8_t op) {
    if (op == 0x02 || op == 0x03 || op == 0x04) c->at++; /* block type: empty or one value type */
    else if (op == 0x0c || op == 0x0d || op == 0x10 || (op >= 0x20 && op <= 0x24) || op == 0x3f || op == 0x40) SKIP_U32(c);
    else if (op == 0x0e) {
        uint32_t n = U32(c), i;
        for (i = 0; i <= n; i++) SKIP_U32(c);
    } else if (op >= 0x28 && op <= 0x3e) SKIP_U32(c), SKIP_U32(c);
    else if (op == 0x41 || op == 0x42) leb(c, 1, 64);
    else if (op == 0x43) c->at += 4;
    else if (op == 0x44) c->at += 8;
}

/* From just after a block's type: the matching `else` (if any) and `end`, just after each. */
static void block_ends(const uint8_t *from, const uint8_t *limit, const uint8_t **els, const uint8_t **end) {
    cursor c = {from, limit};
    int depth = 0;
    *els = NULL;
    while (c.at < c.end) {
        uint8_t op = *c.at++;
        if (op == 0x05 && depth == 0) *els = c.at;
        if (op == 0x0b && depth-- == 0) break;
        if (op == 0x02 || op == 0x03 || op == 0x04) depth++;
        skip_immediates(&c, op);
    }
    *end = c.at;
}

typedef struct label {
    const uint8_t *target; /* where a branch to it goes: a loop's start, or just after a block's end */
    uint32_t height;        /* operand stack height at entry */
    uint8_t arity;          /* values a branch carries: 0 for a loop, the block's results otherwise */
    uint8_t loop;
} label;

static const char *call(outpost_engine *e, uint32_t index, uint64_t *args, uint64_t *result);

static uint8_t *checked(outpost_engine *e, const char *what, uint32_t ptr, int32_t len) {
    uint32_t size = e->pages * PAGE;
    if (len >= 0 && ptr <= size && (uint32_t)len <= size - ptr) return e->memory + ptr;
    host_fault(e->host, OUTPOST_HOST_PANIC_ABI_VIOLATION, "%s passed bytes [%lu, %lld) outside the firmware's memory (%lu bytes)", what,
               (unsigned long)ptr, (long long)ptr + len, (unsigned long)size);
    return NULL;
}

/* An import: the host_* call with its arguments; a panic or broken rule traps. */
static const char *import(outpost_engine *e, int which, const uint64_t *a, uint64_t *result) {
    outpost_host *h = e->host;
    int32_t x = (int32_t)a[0], y = (int32_t)a[1], z = (int32_t)a[2];
    uint8_t *bytes;
    switch (which) {
    case 0: *result = (uint64_t)host_now_us(h); break;
    case 1: *result = (uint32_t)host_gpio_configure(h, x, y); break;
    case 2: host_gpio_write(h, x, y); break;
    case 3: *result = (uint32_t)host_gpio_read(h, x); break;
    case 4: host_gpio_listen(h, x, y); break;
    case 5: *result = (uint32_t)host_uart_configure(h, x, y, z); break;
    case 6:
    case 7:
        bytes = checked(e, which == 6 ? "uart_write" : "uart_read", (uint32_t)y, z);
        if (bytes) *result = (uint32_t)(which == 6 ? host_uart_write(h, x, bytes, z) : host_uart_read(h, x, bytes, z));
        break;
    case 8: host_uart_listen(h, x, y); break;
    case 9:
        bytes = checked(e, "log", (uint32_t)y, z);
        if (bytes) host_log(h, x, bytes, z);
        break;
    case 10: {
        uint32_t size = e->pages * PAGE;
        uint32_t msg = (uint32_t)a[2], file = (uint32_t)a[4];
        int32_t msg_len = (int32_t)a[3], file_len = (int32_t)a[5];
        int msg_ok = msg_len >= 0 && msg <= size && (uint32_t)msg_len <= size - msg;
        int file_ok = file_len >= 0 && file <= size && (uint32_t)file_len <= size - file;
        host_panic(h, x, y, msg_ok ? e->memory + msg : NULL, msg_ok ? msg_len : 0, file_ok ? e->memory + file : NULL,
                   file_ok ? file_len : 0, (int32_t)a[6], (int32_t)a[7]);
        break;
    }
    default: return trap(e, "an import the test engine does not know");
    }
    return h->panicked ? panic_trap : NULL;
}

#define POP() (sp > base ? stack[--sp] : 0)
#define PUSH(v) \
    do { uint64_t pushed_ = (uint64_t)(v); if (sp >= MAX_STACK) return trap(e, "operand stack overflow"); stack[sp++] = pushed_; } while (0)
#define I32(v) ((int32_t)(uint32_t)(v))

/* Runs a defined function's body with `locals` set up. */
static const char *run(outpost_engine *e, const function *f, uint64_t *locals, uint64_t *result) {
    uint64_t stack[MAX_STACK];
    label labels[MAX_STACK];
    uint32_t sp = 0, base = 0, nlabels = 0;
    const func_type *type = &e->types[f->type];
    cursor c = {f->code, f->end};
    labels[nlabels].target = f->end;
    labels[nlabels].height = 0;
    labels[nlabels].loop = 0;
    labels[nlabels++].arity = type->results;
    while (c.at < c.end) {
        uint8_t op = *c.at++;
        uint64_t a, b;
        const uint8_t *els, *end;
        uint32_t depth;
        switch (op) {
        case 0x00: return trap(e, "unreachable executed");
        case 0x01: break;
        case 0x02: case 0x03: case 0x04: {
            uint8_t block_type = *c.at++;
            int take = 1;
            if (op == 0x04) take = POP() != 0;
            block_ends(c.at, c.end, &els, &end);
            if (nlabels >= MAX_STACK) return trap(e, "blocks nest too deep");
            labels[nlabels].target = op == 0x03 ? c.at : end;
            labels[nlabels].height = sp;
            labels[nlabels].loop = op == 0x03;
            labels[nlabels++].arity = op == 0x03 ? 0 : block_type != 0x40;
            if (!take) {
                if (els) c.at = els;
                else { c.at = end; nlabels--; }
            }
            break;
        }
        case 0x05: /* the end of an if's taken branch: skip the else */
            c.at = labels[--nlabels].target;
            break;
        case 0x0b:
            if (nlabels > 1) nlabels--;
            else c.at = c.end;
            break;
        case 0x0c: case 0x0d: case 0x0e: {
            label *l;
            if (op == 0x0c) depth = U32(&c);
            else if (op == 0x0d) { depth = U32(&c); if (POP() == 0) break; }
            else {
                uint32_t n = U32(&c), i, pick = (uint32_t)POP();
                depth = 0;
                for (i = 0; i <= n; i++) { uint32_t d = U32(&c); if (i == pick || i == n) { depth = d; if (i == pick) break; } }
            }
            if (depth >= nlabels) return trap(e, "a branch past the function");
            l = &labels[nlabels - 1 - depth];
            if (l->arity) { a = POP(); sp = l->height; PUSH(a); } else sp = l->height;
            c.at = l->target;
            if (l->loop) { /* a back-edge: where an interruptible engine checks the watchdog */
                if (outpost_host_watchdog_fired(e->host)) return trap(e, "interrupted by the watchdog");
                nlabels -= depth;
            } else nlabels -= depth + 1;
            break;
        }
        case 0x0f: c.at = c.end; break;
        case 0x10: {
            uint32_t index = U32(&c), i, n;
            uint64_t args[MAX_LOCALS], value = 0;
            const char *error;
            if (index >= e->nfuncs) return trap(e, "a call to a missing function");
            n = e->types[e->funcs[index].type].params;
            for (i = n; i > 0; i--) args[i - 1] = POP();
            error = call(e, index, args, &value);
            if (error) return error;
            if (e->types[e->funcs[index].type].results) PUSH(value);
            break;
        }
        case 0x1a: (void)POP(); break;
        case 0x1b: { uint64_t cond = POP(); b = POP(); a = POP(); PUSH(cond ? a : b); break; }
        case 0x20: case 0x21: case 0x22: {
            uint32_t n = U32(&c);
            if (n >= MAX_LOCALS) return trap(e, "a missing local");
            if (op == 0x20) PUSH(locals[n]);
            else { a = POP(); locals[n] = a; if (op == 0x22) PUSH(a); }
            break;
        }
        case 0x23: case 0x24: {
            uint32_t g = U32(&c);
            if (g >= e->nglobals) return trap(e, "a missing global");
            if (op == 0x23) PUSH(e->globals[g]);
            else e->globals[g] = POP();
            break;
        }
        case 0x28: case 0x29: case 0x2d: case 0x36: case 0x37: case 0x3a: {
            uint32_t width = op == 0x29 || op == 0x37 ? 8 : op == 0x2d || op == 0x3a ? 1 : 4, offset, address;
            SKIP_U32(&c);
            offset = U32(&c);
            if (op >= 0x36) b = POP();
            address = (uint32_t)POP();
            if ((uint64_t)address + offset + width > (uint64_t)e->pages * PAGE) return trap(e, "out of bounds memory access");
            address += offset;
            if (op >= 0x36) memcpy(e->memory + address, &b, width); /* little-endian host */
            else { a = 0; memcpy(&a, e->memory + address, width); PUSH(op == 0x28 ? (uint64_t)(uint32_t)a : a); }
            break;
        }
        case 0x3f: SKIP_U32(&c); PUSH(e->pages); break;
        case 0x40: {
            uint32_t more = (uint32_t)POP(), old = e->pages;
            SKIP_U32(&c);
            if (more > e->max_pages - e->pages) { PUSH(0xffffffffu); break; }
            memset(e->memory + e->pages * PAGE, 0, (size_t)more * PAGE);
            e->pages += more;
            PUSH(old);
            break;
        }
        case 0x41: PUSH((uint32_t)leb(&c, 1, 32)); break;
        case 0x42: PUSH(leb(&c, 1, 64)); break;
        case 0x43: case 0x44: {
            uint32_t width = op == 0x43 ? 4 : 8;
            if (!ok_to_read(&c, width)) return trap(e, "a constant runs past the function");
            a = 0;
            memcpy(&a, c.at, width);
            c.at += width;
            PUSH(a);
            break;
        }
        case 0x45: PUSH((uint32_t)POP() == 0); break;
        case 0x50: PUSH(POP() == 0); break;
        case 0xa7: PUSH((uint32_t)POP()); break;
        case 0xac: PUSH((uint64_t)(int64_t)I32(POP())); break;
        case 0xad: PUSH((uint32_t)POP()); break;
        default:
            if ((op >= 0x46 && op <= 0x4e) || (op >= 0x51 && op <= 0x5a) || (op >= 0x6a && op <= 0x76) || op == 0x7c || op == 0x7d) {
                uint32_t x, y;
                b = POP();
                a = POP();
                x = (uint32_t)a;
                y = (uint32_t)b;
                switch (op) {
                case 0x46: PUSH(x == y); break;
                case 0x47: PUSH(x != y); break;
                case 0x48: PUSH(I32(x) < I32(y)); break;
                case 0x49: PUSH(x < y); break;
                case 0x4a: PUSH(I32(x) > I32(y)); break;
                case 0x4b: PUSH(x > y); break;
                case 0x4c: PUSH(I32(x) <= I32(y)); break;
                case 0x4d: PUSH(x <= y); break;
                case 0x4e: PUSH(I32(x) >= I32(y)); break;
                case 0x51: PUSH(a == b); break;
                case 0x52: PUSH(a != b); break;
                case 0x53: PUSH((int64_t)a < (int64_t)b); break;
                case 0x54: PUSH(a < b); break;
                case 0x55: PUSH((int64_t)a > (int64_t)b); break;
                case 0x56: PUSH(a > b); break;
                case 0x57: PUSH((int64_t)a <= (int64_t)b); break;
                case 0x58: PUSH(a <= b); break;
                case 0x59: PUSH((int64_t)a >= (int64_t)b); break;
                case 0x5a: PUSH(a >= b); break;
                case 0x6a: PUSH((uint32_t)(x + y)); break;
                case 0x6b: PUSH((uint32_t)(x - y)); break;
                case 0x6c: PUSH((uint32_t)(x * y)); break;
                case 0x71: PUSH(x & y); break;
                case 0x72: PUSH(x | y); break;
                case 0x73: PUSH(x ^ y); break;
                case 0x74: PUSH((uint32_t)(x << (y & 31))); break;
                case 0x76: PUSH(x >> (y & 31)); break;
                case 0x7c: PUSH(a + b); break;
                case 0x7d: PUSH(a - b); break;
                default: snprintf(e->trap, sizeof e->trap, "[trap] unsupported instruction 0x%02x", op); return e->trap;
                }
                break;
            }
            snprintf(e->trap, sizeof e->trap, "[trap] unsupported instruction 0x%02x", op);
            return e->trap;
        }
    }
    if (result && type->results) *result = sp > 0 ? stack[sp - 1] : 0;
    return NULL;
}

static const char *call(outpost_engine *e, uint32_t index, uint64_t *args, uint64_t *result) {
    const function *f = &e->funcs[index];
    uint64_t locals[MAX_LOCALS];
    const char *error;
    if (f->import >= 0 || !f->code) return f->import >= 0 ? import(e, f->import, args, result) : trap(e, "a call to an unbound import");
    if (e->depth >= MAX_DEPTH) return trap(e, "call stack exhausted");
    memset(locals, 0, sizeof locals);
    memcpy(locals, args, e->types[f->type].params * sizeof *args);
    e->depth++;
    error = run(e, f, locals, result);
    e->depth--;
    return error;
}

/* ── engine.h ──────────────────────────────────────────────────────────── */

const char *engine_load(outpost_engine **out, const uint8_t *wasm, uint32_t len, const engine_config *config,
                        struct outpost_host *host) {
    outpost_engine *e = &the_engine;
    const char *error;
    uint64_t none = 0;
    int i;
    (void)config;
    memset(e, 0, sizeof *e);
    e->host = host;
    e->start = -1;
    for (i = 0; i < ENGINE_EXPORT_COUNT; i++) e->exports[i] = -1;
    error = load_sections(e, wasm, len);
    if (error) return error;
    if (e->start >= 0 && (error = call(e, (uint32_t)e->start, &none, NULL)) != NULL) return error;
    *out = e;
    return NULL;
}

const char *engine_call(outpost_engine *e, engine_export fn, int32_t a, int32_t b, int64_t c, int64_t *result) {
    uint64_t args[3], value = 0;
    const func_type *type;
    const char *error;
    if (e->exports[fn] < 0) return "the firmware does not export this function";
    args[0] = (uint32_t)a;
    args[1] = (uint32_t)b;
    args[2] = (uint64_t)c;
    error = call(e, (uint32_t)e->exports[fn], args, &value);
    type = &e->types[e->funcs[e->exports[fn]].type];
    if (!error && result && type->results) *result = type->result == 0x7e ? (int64_t)value : (int64_t)I32(value);
    return error;
}

uint8_t *engine_memory(outpost_engine *e, uint32_t ptr, uint32_t len) {
    uint32_t size = e->pages * PAGE;
    if (ptr > size || len > size - ptr) return NULL;
    return e->memory + ptr;
}

void engine_free(outpost_engine *e) {
    (void)e;
}
