/*
 * engine_wasm3.c — engine.h over wasm3 v0.5.0 (the version most board
 * packages ship).
 *
 * Build it with every .c file of this directory and of wasm3's source/
 * directory, with -I pointing at the latter and -lm (boards/wasm/README.md).
 *
 * Uses wasm3's public API (wasm3.h: m3_NewEnvironment, m3_NewRuntime,
 * m3_ParseModule, m3_LoadModule, m3_LinkRawFunctionEx, m3_RunStart,
 * m3_FindFunction, m3_GetArgCount/Type, m3_GetRetCount/Type, m3_CallV,
 * m3_GetResultsV, m3_GetMemory, m3_GetMemorySize) and one field of its
 * runtime, `memoryLimit` (m3_env.h), which caps the bytes wasm3 backs for
 * linear memory, as wasm3's own embedded examples set it.
 *
 * Calls go through m3_CallV/m3_GetResultsV, whose variadic arguments are
 * only as safe as the types they assume: outpost_host_run has checked the
 * whole module against the ABI (abi_check.c), and engine_load checks every
 * export it binds again, argument by argument and result by result
 * (`signature_matches`), so a result is always read into storage of its
 * own size (an i64 into an int64_t, an i32 into an int32_t).
 *
 * Imports are raw functions: arguments arrive in 64-bit stack slots after
 * the result slot (m3ApiGetArg), pointers are checked against the memory
 * wasm3 really backs (m3_GetMemorySize); a pointer outside it, or an ABI
 * rule broken in a host_* call, records a panic (host_fault) and traps.
 */
#include <string.h>

#include "wasm3.h"
#include "m3_env.h"

#include "engine.h"
#include "host.h"

struct outpost_engine {
    IM3Environment env;
    IM3Runtime runtime;
    IM3Module module;
    IM3Function exports[ENGINE_EXPORT_COUNT];
};

static outpost_engine the_engine;  /* one firmware per host */

/* What the panic import returns: it unwinds the firmware; the loop reads the panic from the host. */
static const char panic_trap[] = "[trap] outpost panic";

#define HOST ((outpost_host *)_ctx->userdata)
#define UNUSED_RAW_ARGS() ((void)runtime, (void)_mem)

/* Host pointer to guest [ptr, ptr + len), or NULL when it is not all backed memory. */
static uint8_t *guest_bytes(IM3Runtime runtime, void *mem, uint32_t ptr, int32_t len) {
    uint32_t size = m3_GetMemorySize(runtime);
    if (len < 0 || ptr > size || (uint32_t)len > size - ptr) return NULL;
    return (uint8_t *)mem + ptr;
}

/* guest_bytes, or an ABI_VIOLATION panic naming `call` (the import then traps). */
static uint8_t *checked_bytes(IM3Runtime runtime, void *mem, outpost_host *host, const char *call, uint32_t ptr, int32_t len) {
    uint8_t *bytes = guest_bytes(runtime, mem, ptr, len);
    if (!bytes) {
        host_fault(host, OUTPOST_HOST_PANIC_ABI_VIOLATION, "%s passed bytes [%lu, %lld) outside the firmware's memory (%lu bytes)", call,
                   (unsigned long)ptr, (long long)ptr + len, (unsigned long)m3_GetMemorySize(runtime));
    }
    return bytes;
}

/* After a host_* call: a rule it enforced stops the firmware. */
#define TRAP_IF_PANICKED() \
    if (HOST->panicked) m3ApiTrap(panic_trap)

static m3ApiRawFunction(import_now_us) {
    m3ApiReturnType(int64_t);
    UNUSED_RAW_ARGS();
    m3ApiReturn(host_now_us(HOST));
}

static m3ApiRawFunction(import_gpio_configure) {
    m3ApiReturnType(int32_t);
    m3ApiGetArg(int32_t, pin);
    m3ApiGetArg(int32_t, mode);
    UNUSED_RAW_ARGS();
    m3ApiReturn(host_gpio_configure(HOST, pin, mode));
}

static m3ApiRawFunction(import_gpio_write) {
    m3ApiGetArg(int32_t, pin);
    m3ApiGetArg(int32_t, level);
    UNUSED_RAW_ARGS();
    host_gpio_write(HOST, pin, level);
    TRAP_IF_PANICKED();
    m3ApiSuccess();
}

static m3ApiRawFunction(import_gpio_read) {
    int32_t level;
    m3ApiReturnType(int32_t);
    m3ApiGetArg(int32_t, pin);
    UNUSED_RAW_ARGS();
    level = host_gpio_read(HOST, pin);
    TRAP_IF_PANICKED();
    m3ApiReturn(level);
}

static m3ApiRawFunction(import_gpio_listen) {
    m3ApiGetArg(int32_t, pin);
    m3ApiGetArg(int32_t, edges);
    UNUSED_RAW_ARGS();
    host_gpio_listen(HOST, pin, edges);
    TRAP_IF_PANICKED();
    m3ApiSuccess();
}

static m3ApiRawFunction(import_uart_configure) {
    m3ApiReturnType(int32_t);
    m3ApiGetArg(int32_t, port);
    m3ApiGetArg(int32_t, baud);
    m3ApiGetArg(int32_t, flags);
    UNUSED_RAW_ARGS();
    m3ApiReturn(host_uart_configure(HOST, port, baud, flags));
}

/* uart_write and uart_read: (port, ptr, len) -> bytes moved, on a checked view of guest memory. */
#define UART_TRANSFER_IMPORT(import_name, host_call, call)                           \
    static m3ApiRawFunction(import_name) {                                           \
        int32_t moved;                                                               \
        m3ApiReturnType(int32_t);                                                    \
        m3ApiGetArg(int32_t, port);                                                  \
        m3ApiGetArg(uint32_t, ptr);                                                  \
        m3ApiGetArg(int32_t, len);                                                   \
        uint8_t *data = checked_bytes(runtime, _mem, HOST, call, ptr, len);        \
        if (!data) m3ApiTrap(panic_trap);                                            \
        moved = host_call(HOST, port, data, len);                                    \
        TRAP_IF_PANICKED();                                                          \
        m3ApiReturn(moved);                                                          \
    }

UART_TRANSFER_IMPORT(import_uart_write, host_uart_write, "uart_write")
UART_TRANSFER_IMPORT(import_uart_read, host_uart_read, "uart_read")

static m3ApiRawFunction(import_uart_listen) {
    m3ApiGetArg(int32_t, port);
    m3ApiGetArg(int32_t, events);
    UNUSED_RAW_ARGS();
    host_uart_listen(HOST, port, events);
    TRAP_IF_PANICKED();
    m3ApiSuccess();
}

static m3ApiRawFunction(import_log) {
    m3ApiGetArg(int32_t, level);
    m3ApiGetArg(uint32_t, ptr);
    m3ApiGetArg(int32_t, len);
    uint8_t *text = checked_bytes(runtime, _mem, HOST, "log", ptr, len);
    if (!text) m3ApiTrap(panic_trap);
    host_log(HOST, level, text, len);
    m3ApiSuccess();
}

static m3ApiRawFunction(import_panic) {
    m3ApiGetArg(int32_t, code);
    m3ApiGetArg(int32_t, task);
    m3ApiGetArg(uint32_t, msg);
    m3ApiGetArg(int32_t, msg_len);
    m3ApiGetArg(uint32_t, file);
    m3ApiGetArg(int32_t, file_len);
    m3ApiGetArg(int32_t, line);
    m3ApiGetArg(int32_t, column);
    uint8_t *msg_bytes = guest_bytes(runtime, _mem, msg, msg_len);
    uint8_t *file_bytes = guest_bytes(runtime, _mem, file, file_len);
    host_panic(HOST, code, task, msg_bytes, msg_bytes ? msg_len : 0, file_bytes, file_bytes ? file_len : 0, line, column);
    m3ApiTrap(panic_trap);
}

typedef struct import_binding {
    const char *name;
    const char *signature;
    M3RawCall function;
} import_binding;

/* Every import of outpost_abi.h: a missing import_<name> is a compile error. */
#define OUTPOST_BIND_IMPORT(name, signature) {#name, signature, import_##name},
static const import_binding imports[] = {OUTPOST_IMPORTS(OUTPOST_BIND_IMPORT)};

typedef struct export_binding {
    const char *name;
    const char *signature;
} export_binding;

#define OUTPOST_BIND_EXPORT(id, name, signature) {name, signature},
static const export_binding exports[ENGINE_EXPORT_COUNT] = {OUTPOST_EXPORTS(OUTPOST_BIND_EXPORT)};

/* The loop cannot run without these; the introspection exports are optional. */
static int export_required(int fn) {
    return fn == ENGINE_abi_version || fn == ENGINE_init || fn == ENGINE_poll || fn == ENGINE_event;
}

/* The wasm3 type of an ABI signature letter ('i' i32, 'I' i64). */
static M3ValueType letter_type(char letter) {
    return letter == 'I' ? c_m3Type_i64 : letter == 'i' ? c_m3Type_i32 : c_m3Type_unknown;
}

/* True when `function` has exactly `signature` ("v(iiI)"): every argument's type and the result's. */
static int signature_matches(IM3Function function, const char *signature) {
    const char *args = signature + 2;
    uint32_t n = (uint32_t)(strchr(args, ')') - args), i;
    if (m3_GetArgCount(function) != n) return 0;
    for (i = 0; i < n; i++) {
        if (m3_GetArgType(function, i) != letter_type(args[i])) return 0;
    }
    if (signature[0] == 'v') return m3_GetRetCount(function) == 0;
    return m3_GetRetCount(function) == 1 && m3_GetRetType(function, 0) == letter_type(signature[0]);
}

const char *engine_load(outpost_engine **out, const uint8_t *wasm, uint32_t len, const engine_config *config,
                        struct outpost_host *host) {
    outpost_engine *engine = &the_engine;
    M3Result result;
    size_t i;

    memset(engine, 0, sizeof *engine);
    engine->env = m3_NewEnvironment();
    if (!engine->env) return m3Err_mallocFailed;
    engine->runtime = m3_NewRuntime(engine->env, config->stack_bytes, host);
    if (!engine->runtime) {
        engine_free(engine);
        return m3Err_mallocFailed;
    }
    /* Read when the module's memory is created, in m3_LoadModule. */
    engine->runtime->memoryLimit = config->memory_limit;

    result = m3_ParseModule(engine->env, &engine->module, wasm, len);
    if (!result) {
        result = m3_LoadModule(engine->runtime, engine->module);
        if (result) m3_FreeModule(engine->module);  /* not owned by the runtime */
    }
    if (result) {
        engine_free(engine);
        return result;
    }
    for (i = 0; i < sizeof imports / sizeof imports[0]; i++) {
        result = m3_LinkRawFunctionEx(engine->module, OUTPOST_IMPORT_MODULE, imports[i].name, imports[i].signature,
                                      imports[i].function, host);
        if (result && result != m3Err_functionLookupFailed) {  /* lookup failed: the firmware does not import it */
            engine_free(engine);
            return result;
        }
    }
    result = m3_RunStart(engine->module);
    for (i = 0; !result && i < ENGINE_EXPORT_COUNT; i++) {
        IM3Function function = NULL;
        M3Result found = m3_FindFunction(&function, engine->runtime, exports[i].name);
        if (found && export_required((int)i)) result = "the firmware lacks an ABI export (it is not Outpost firmware)";
        else if (!found && !signature_matches(function, exports[i].signature)) result = "an ABI export has the wrong signature";
        else engine->exports[i] = found ? NULL : function;
    }
    if (result) {
        engine_free(engine);
        return result;
    }
    *out = engine;
    return NULL;
}

const char *engine_call(outpost_engine *engine, engine_export fn, int32_t a, int32_t b, int64_t c, int64_t *result) {
    IM3Function function = engine->exports[fn];
    M3Result status;
    int32_t value32 = 0;
    int64_t value64 = 0;

    if (!function) return "the firmware does not export this function";
    switch (fn) {
    case ENGINE_event:
        status = m3_CallV(function, a, b, c);
        break;
    case ENGINE_task_name:
    case ENGINE_task_state:
    case ENGINE_task_polls:
    case ENGINE_task_size:
    case ENGINE_task_site:
    case ENGINE_task_chain:
        status = m3_CallV(function, a);
        break;
    default:
        status = m3_CallV(function);
        break;
    }
    if (status || m3_GetRetCount(function) == 0) return status;
    /* The storage follows the result's own type (checked against the ABI at load): never 8 bytes into 4. */
    if (m3_GetRetType(function, 0) == c_m3Type_i64) {
        status = m3_GetResultsV(function, &value64);
    } else if (m3_GetRetType(function, 0) == c_m3Type_i32) {
        status = m3_GetResultsV(function, &value32);
        value64 = value32;
    } else {
        return "an ABI export returns neither i32 nor i64";
    }
    if (!status && result) *result = value64;
    return status;
}

uint8_t *engine_memory(outpost_engine *engine, uint32_t ptr, uint32_t len) {
    uint32_t size = 0;
    uint8_t *base = m3_GetMemory(engine->runtime, &size, 0);
    if (!base || ptr > size || len > size - ptr) return NULL;
    return base + ptr;
}

void engine_free(outpost_engine *engine) {
    if (!engine) return;
    if (engine->runtime) m3_FreeRuntime(engine->runtime);  /* frees the loaded module too */
    if (engine->env) m3_FreeEnvironment(engine->env);
    memset(engine, 0, sizeof *engine);
}
