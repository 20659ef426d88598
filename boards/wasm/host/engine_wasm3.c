/*
 * engine_wasm3.c — engine.h over wasm3 v0.5.0 (the version most board
 * packages ship).
 *
 * Build it with every .c file of this directory and of wasm3's source/
 * directory, with -I pointing at the latter and -lm (boards/wasm/README.md).
 *
 * Uses wasm3's public API (wasm3.h: m3_NewEnvironment, m3_NewRuntime,
 * m3_ParseModule, m3_LoadModule, m3_LinkRawFunctionEx, m3_RunStart,
 * m3_FindFunction, m3_CallV, m3_GetResultsV, m3_GetMemory,
 * m3_GetMemorySize) and one field of its runtime, `memoryLimit` (m3_env.h),
 * which caps the bytes wasm3 backs for linear memory, as wasm3's own
 * embedded examples set it. Calls go through m3_CallV/m3_GetResultsV: each
 * export's argument types are fixed by the ABI, so the variadic form is
 * exact, and the export's arity is checked against OUTPOST_EXPORTS at load.
 *
 * Imports are raw functions: arguments arrive in 64-bit stack slots after
 * the result slot (m3ApiGetArg), pointers are checked against the memory
 * wasm3 really backs (m3_GetMemorySize) and an out-of-bounds one traps.
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
    m3ApiSuccess();
}

static m3ApiRawFunction(import_gpio_read) {
    m3ApiReturnType(int32_t);
    m3ApiGetArg(int32_t, pin);
    UNUSED_RAW_ARGS();
    m3ApiReturn(host_gpio_read(HOST, pin));
}

static m3ApiRawFunction(import_gpio_listen) {
    m3ApiGetArg(int32_t, pin);
    m3ApiGetArg(int32_t, edges);
    UNUSED_RAW_ARGS();
    host_gpio_listen(HOST, pin, edges);
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
#define UART_TRANSFER_IMPORT(import_name, host_call)                  \
    static m3ApiRawFunction(import_name) {                            \
        m3ApiReturnType(int32_t);                                     \
        m3ApiGetArg(int32_t, port);                                   \
        m3ApiGetArg(uint32_t, ptr);                                   \
        m3ApiGetArg(int32_t, len);                                    \
        uint8_t *data = guest_bytes(runtime, _mem, ptr, len);         \
        if (!data) m3ApiTrap(m3Err_trapOutOfBoundsMemoryAccess);      \
        m3ApiReturn(host_call(HOST, port, data, len));                \
    }

UART_TRANSFER_IMPORT(import_uart_write, host_uart_write)
UART_TRANSFER_IMPORT(import_uart_read, host_uart_read)

static m3ApiRawFunction(import_uart_listen) {
    m3ApiGetArg(int32_t, port);
    m3ApiGetArg(int32_t, events);
    UNUSED_RAW_ARGS();
    host_uart_listen(HOST, port, events);
    m3ApiSuccess();
}

static m3ApiRawFunction(import_log) {
    m3ApiGetArg(int32_t, level);
    m3ApiGetArg(uint32_t, ptr);
    m3ApiGetArg(int32_t, len);
    uint8_t *text = guest_bytes(runtime, _mem, ptr, len);
    if (!text) m3ApiTrap(m3Err_trapOutOfBoundsMemoryAccess);
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

/* True when `function` has the arity of `signature` ("v(iiI)": no result, three arguments). */
static int arity_matches(IM3Function function, const char *signature) {
    const char *open = strchr(signature, '(');
    const char *close = strchr(signature, ')');
    uint32_t args = open && close ? (uint32_t)(close - open - 1) : 0;
    uint32_t rets = signature[0] == 'v' ? 0 : 1;
    return m3_GetArgCount(function) == args && m3_GetRetCount(function) == rets;
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
        else if (!found && !arity_matches(function, exports[i].signature)) result = "an ABI export has the wrong signature";
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
    case ENGINE_init:
        return m3_CallV(function);
    case ENGINE_event:
        return m3_CallV(function, a, b, c);
    case ENGINE_poll:
        status = m3_CallV(function);
        if (!status) status = m3_GetResultsV(function, &value64);
        if (!status && result) *result = value64;
        return status;
    case ENGINE_task_name:
    case ENGINE_task_state:
    case ENGINE_task_polls:
    case ENGINE_task_size:
    case ENGINE_task_site:
        status = m3_CallV(function, a);
        break;
    default:
        status = m3_CallV(function);
        break;
    }
    if (!status) status = m3_GetResultsV(function, &value32);
    if (!status && result) *result = value32;
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
