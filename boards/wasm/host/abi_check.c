/*
 * abi_check.c — see abi_check.h. Every read is bounds-checked against the
 * section it belongs to; a module that lies about a length is NOT_WASM,
 * never a read past `wasm + len`.
 */
#include "abi_check.h"

#include <stdio.h>
#include <string.h>

#include "../outpost_abi.h"

typedef struct reader {
    const uint8_t *at;
    const uint8_t *end;
    int bad; /* set once a read ran past `end`; every later read returns 0 */
} reader;

static uint8_t read_byte(reader *r) {
    if (r->bad || r->at >= r->end) {
        r->bad = 1;
        return 0;
    }
    return *r->at++;
}

static uint32_t read_u32(reader *r) {
    uint32_t value = 0;
    int shift;
    for (shift = 0; shift < 35; shift += 7) {
        uint8_t b = read_byte(r);
        value |= (uint32_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) return value;
    }
    r->bad = 1;
    return 0;
}

/* A name: its bytes stay in the module; `*len` is 0 when it does not fit. */
static const uint8_t *read_name(reader *r, uint32_t *len) {
    const uint8_t *text;
    *len = read_u32(r);
    if (r->bad || *len > (uint32_t)(r->end - r->at)) {
        r->bad = 1;
        *len = 0;
        return r->at;
    }
    text = r->at;
    r->at += *len;
    return text;
}

static int name_is(const uint8_t *name, uint32_t len, const char *text) {
    return strlen(text) == len && memcmp(name, text, len) == 0;
}

/* Appends printf-style text to `why`, cutting at its end. */
typedef struct message {
    char *text;
    size_t cap;
    size_t used;
} message;

static void add(message *m, const char *text, size_t len) {
    size_t room = m->cap - 1 - m->used;
    size_t i;
    if (len > room) len = room;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        m->text[m->used++] = c < 0x20 || c == 0x7f ? '?' : (char)c; /* a hostile name cannot break the line */
    }
    m->text[m->used] = '\0';
}

static void add_text(message *m, const char *text) {
    add(m, text, strlen(text));
}

static void add_name(message *m, const uint8_t *name, uint32_t len) {
    add(m, (const char *)name, len);
}

/* ── Types ───────────────────────────────────────────────────────────────── */

static const char *value_type(uint8_t code, char *scratch, size_t cap) {
    switch (code) {
    case 0x7f: return "i32";
    case 0x7e: return "i64";
    case 0x7d: return "f32";
    case 0x7c: return "f64";
    case 0x7b: return "v128";
    case 0x70: return "funcref";
    case 0x6f: return "externref";
    default: snprintf(scratch, cap, "type 0x%x", code); return scratch;
    }
}

/* `(i32, i32) -> i64`: `params` and `results` are value-type codes. */
static void add_type(message *m, const uint8_t *params, uint32_t nparams, const uint8_t *results, uint32_t nresults) {
    char scratch[16];
    uint32_t i;
    add_text(m, "(");
    for (i = 0; i < nparams; i++) {
        if (i) add_text(m, ", ");
        add_text(m, value_type(params[i], scratch, sizeof scratch));
    }
    add_text(m, ") -> ");
    if (nresults != 1) add_text(m, "(");
    for (i = 0; i < nresults; i++) {
        if (i) add_text(m, ", ");
        add_text(m, value_type(results[i], scratch, sizeof scratch));
    }
    if (nresults != 1) add_text(m, ")");
}

/* An ABI signature ("v(iiI)") as value-type codes: the parameters, then the result if any. */
static uint32_t abi_codes(const char *signature, uint8_t *codes, uint32_t *nparams) {
    static const char letters[] = "iIfF";
    static const uint8_t types[] = {0x7f, 0x7e, 0x7d, 0x7c};
    uint32_t n = 0;
    const char *c;
    for (c = signature + 2; *c && *c != ')'; c++) codes[n++] = types[strchr(letters, *c) - letters];
    *nparams = n;
    if (signature[0] != 'v') codes[n++] = types[strchr(letters, signature[0]) - letters];
    return n;
}

/* The sections the contract is about; a missing one is an empty range. */
typedef struct module_view {
    reader types, imports, functions, exports;
    uint32_t function_imports;
} module_view;

/* Finds type `index`: its parameter and result codes (pointers into the module). */
static int find_type(const module_view *v, uint32_t index, const uint8_t **params, uint32_t *np, const uint8_t **results,
                     uint32_t *nr) {
    reader r = v->types;
    uint32_t count = read_u32(&r), i;
    for (i = 0; i < count && !r.bad; i++) {
        if (read_byte(&r) != 0x60) return 0;
        *np = read_u32(&r);
        if (*np > (uint32_t)(r.end - r.at)) return 0;
        *params = r.at;
        r.at += *np;
        *nr = read_u32(&r);
        if (*nr > (uint32_t)(r.end - r.at)) return 0;
        *results = r.at;
        r.at += *nr;
        if (i == index) return !r.bad;
    }
    return 0;
}

/* The type index of function `index` (imported functions first); -1 if there is none. */
static int64_t function_type(const module_view *v, uint32_t index) {
    reader r;
    uint32_t count, i, seen = 0;
    if (index < v->function_imports) {
        r = v->imports;
        count = read_u32(&r);
        for (i = 0; i < count && !r.bad; i++) {
            uint32_t len, type;
            uint8_t kind;
            read_name(&r, &len);
            read_name(&r, &len);
            kind = read_byte(&r);
            if (kind != 0) return -1; /* only reached for function imports: see the import check */
            type = read_u32(&r);
            if (seen++ == index) return r.bad ? -1 : (int64_t)type;
        }
        return -1;
    }
    r = v->functions;
    count = read_u32(&r);
    for (i = 0; i < count && !r.bad; i++) {
        uint32_t type = read_u32(&r);
        if (i == index - v->function_imports) return r.bad ? -1 : (int64_t)type;
    }
    return -1;
}

/* "<what> has type … where ABI v1 says …", or nothing when `type` is the signature's. Returns 1 on a mismatch. */
static int check_type(message *m, const module_view *v, int64_t type, const char *what, const uint8_t *name, uint32_t name_len,
                      const char *signature) {
    uint8_t wanted[12];
    uint32_t wanted_params, wanted_count = abi_codes(signature, wanted, &wanted_params);
    const uint8_t *params = NULL, *results = NULL;
    uint32_t np = 0, nr = 0;
    int found = type >= 0 && find_type(v, (uint32_t)type, &params, &np, &results, &nr);
    if (found && np == wanted_params && nr == wanted_count - wanted_params && memcmp(params, wanted, np) == 0 &&
        memcmp(results, wanted + np, nr) == 0) {
        return 0;
    }
    add_text(m, what);
    add_name(m, name, name_len);
    add_text(m, " has type ");
    if (found) add_type(m, params, np, results, nr);
    else add_text(m, "an unknown type");
    add_text(m, " where ABI v1 says ");
    add_type(m, wanted, wanted_params, wanted + wanted_params, wanted_count - wanted_params);
    return 1;
}

/* ── The ABI's tables ────────────────────────────────────────────────────── */

typedef struct abi_function {
    const char *name;
    const char *signature;
} abi_function;

#define OUTPOST_CHECK_IMPORT(name, signature) {#name, signature},
static const abi_function abi_imports[] = {OUTPOST_IMPORTS(OUTPOST_CHECK_IMPORT)};
#define OUTPOST_CHECK_EXPORT(id, name, signature) {name, signature},
static const abi_function abi_exports[] = {OUTPOST_EXPORTS(OUTPOST_CHECK_EXPORT)};
#define COUNT(table) (sizeof table / sizeof table[0])

/* The exports every host needs (src/contract/abi-codes.ts HOST_EXPORTS), in that order. */
static const char *const required_exports[] = {"memory", "outpost_abi_version", "outpost_init", "outpost_poll", "outpost_event"};

static const char *const kinds[] = {"a function", "a table", "a memory", "a global", "a tag"};

static const char *kind_name(uint8_t kind, char *scratch, size_t cap) {
    if (kind < COUNT(kinds)) return kinds[kind];
    snprintf(scratch, cap, "kind %u", (unsigned)kind);
    return scratch;
}

static const abi_function *lookup(const abi_function *table, size_t n, const uint8_t *name, uint32_t len) {
    size_t i;
    for (i = 0; i < n; i++) {
        if (name_is(name, len, table[i].name)) return &table[i];
    }
    return NULL;
}

static int has_export(const module_view *v, const char *wanted) {
    reader r = v->exports;
    uint32_t count = read_u32(&r), i, len;
    for (i = 0; i < count && !r.bad; i++) {
        const uint8_t *name = read_name(&r, &len);
        read_byte(&r);
        read_u32(&r);
        if (!r.bad && name_is(name, len, wanted)) return 1;
    }
    return 0;
}

static int check_exports(message *m, const module_view *v) {
    reader r = v->exports;
    uint32_t count, i, len, missing = 0;
    char scratch[16];
    for (i = 0; i < COUNT(required_exports); i++) {
        if (has_export(v, required_exports[i])) continue;
        add_text(m, missing++ ? ", " : "it lacks the ABI v1 export");
        if (missing == 1) {
            uint32_t j, more = 0;
            for (j = i + 1; j < COUNT(required_exports); j++) more += !has_export(v, required_exports[j]);
            add_text(m, more ? "s " : " ");
        }
        add_text(m, required_exports[i]);
    }
    if (missing) return 1;
    count = read_u32(&r);
    for (i = 0; i < count && !r.bad; i++) {
        const uint8_t *name = read_name(&r, &len);
        uint8_t kind = read_byte(&r);
        uint32_t index = read_u32(&r);
        const abi_function *abi = lookup(abi_exports, COUNT(abi_exports), name, len);
        uint8_t wanted = name_is(name, len, "memory") ? 2 : 0;
        if (r.bad) break;
        if (!abi && wanted != 2) continue; /* not an ABI name: hosts ignore it */
        if (kind != wanted) {
            add_text(m, "its export ");
            add_name(m, name, len);
            add_text(m, " is ");
            add_text(m, kind_name(kind, scratch, sizeof scratch));
            add_text(m, ", not ");
            add_text(m, kinds[wanted]);
            return 1;
        }
        if (abi && check_type(m, v, function_type(v, index), "its export ", name, len, abi->signature)) return 1;
    }
    return 0;
}

static int check_imports(message *m, const module_view *v) {
    reader r = v->imports;
    uint32_t count = read_u32(&r), i, module_len, name_len;
    char scratch[16];
    for (i = 0; i < count && !r.bad; i++) {
        const uint8_t *module = read_name(&r, &module_len);
        const uint8_t *name = read_name(&r, &name_len);
        uint8_t kind = read_byte(&r);
        const abi_function *abi = name_is(module, module_len, OUTPOST_IMPORT_MODULE)
                                      ? lookup(abi_imports, COUNT(abi_imports), name, name_len)
                                      : NULL;
        if (r.bad) break;
        if (kind != 0 || !abi) {
            add_text(m, "it imports ");
            add_name(m, module, module_len);
            add_text(m, ".");
            add_name(m, name, name_len);
            if (kind != 0) {
                add_text(m, ", ");
                add_text(m, kind_name(kind, scratch, sizeof scratch));
                add_text(m, ": ABI v1 imports are functions of module outpost");
            } else {
                add_text(m, ", which ABI v1 does not define");
            }
            return 1;
        }
        if (check_type(m, v, (int64_t)read_u32(&r), "its import outpost.", name, name_len, abi->signature)) return 1;
    }
    return 0;
}

/* ── The check ───────────────────────────────────────────────────────────── */

static int count_function_imports(const module_view *v, uint32_t *out) {
    reader r = v->imports;
    uint32_t count = read_u32(&r), i, len, n = 0;
    for (i = 0; i < count && !r.bad; i++) {
        uint8_t kind;
        read_name(&r, &len);
        read_name(&r, &len);
        kind = read_byte(&r);
        if (kind == 0) {
            read_u32(&r);
            n++;
        } else if (kind == 1) { /* table: element type, limits */
            read_byte(&r);
            if (read_byte(&r) & 1) read_u32(&r);
            read_u32(&r);
        } else if (kind == 2) { /* memory: limits */
            if (read_byte(&r) & 1) read_u32(&r);
            read_u32(&r);
        } else { /* global: value type, mutability */
            read_byte(&r);
            read_byte(&r);
        }
    }
    *out = n;
    return !r.bad;
}

int outpost_abi_check(const uint8_t *wasm, uint32_t len, char *why, size_t cap) {
    static const uint8_t header[8] = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    message m;
    module_view v;
    reader r;
    m.text = why;
    m.cap = cap;
    m.used = 0;
    if (cap) why[0] = '\0';
    if (len < sizeof header || memcmp(wasm, header, sizeof header) != 0) {
        add_text(&m, "not a WebAssembly module (bad magic number)");
        return OUTPOST_ABI_CHECK_NOT_WASM;
    }
    memset(&v, 0, sizeof v);
    r.at = wasm + sizeof header;
    r.end = wasm + len;
    r.bad = 0;
    while (r.at < r.end && !r.bad) {
        uint8_t id = read_byte(&r);
        uint32_t size = read_u32(&r);
        reader section;
        if (r.bad || size > (uint32_t)(r.end - r.at)) {
            add_text(&m, "not a valid WebAssembly module (a section runs past the end)");
            return OUTPOST_ABI_CHECK_NOT_WASM;
        }
        section.at = r.at;
        section.end = r.at + size;
        section.bad = 0;
        if (id == 1) v.types = section;
        else if (id == 2) v.imports = section;
        else if (id == 3) v.functions = section;
        else if (id == 7) v.exports = section;
        r.at += size;
    }
    if (r.bad || !count_function_imports(&v, &v.function_imports)) {
        add_text(&m, "not a valid WebAssembly module (an import runs past its section)");
        return OUTPOST_ABI_CHECK_NOT_WASM;
    }
    if (check_exports(&m, &v) || check_imports(&m, &v)) return OUTPOST_ABI_CHECK_NOT_OUTPOST;
    return OUTPOST_ABI_CHECK_OK;
}
