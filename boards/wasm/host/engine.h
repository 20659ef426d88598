/*
 * engine.h — what the host loop needs from a WebAssembly engine.
 *
 * One adapter per engine implements this file (engine_wasm3.c for wasm3
 * v0.5.0); a host binary links exactly one. The adapter:
 *   - loads the module and binds every ABI import (outpost_abi.h) to the
 *     host_* functions of host.h, translating (ptr, len) offsets into host
 *     pointers after a bounds check (an out-of-bounds pointer is a trap);
 *   - calls the exports for the loop;
 *   - lends the loop a view of linear memory.
 *
 * Every function returning `const char *` returns NULL on success and a
 * trap or load message otherwise (the engine's own text). After a panic
 * (host_panic was called) the adapter returns a trap so the call unwinds;
 * the loop then reads the panic from the host, not from the message.
 *
 * Calls into the firmware never nest: no host_* function may call back into
 * the engine.
 */
#ifndef OUTPOST_ENGINE_H
#define OUTPOST_ENGINE_H

#include <stdint.h>

#include "../outpost_abi.h"

struct outpost_host;
typedef struct outpost_engine outpost_engine;

typedef struct engine_config {
    /* Engine stack for the firmware (wasm3: m3_NewRuntime's stack size). */
    uint32_t stack_bytes;
    /* Linear memory the engine backs (wasm3: runtime->memoryLimit); 0 = every declared page. */
    uint32_t memory_limit;
    /*
     * Engines that run the firmware on the C stack (wasm2c): the lowest
     * address its frames may reach, whatever stack_bytes says; 0: none. A
     * chip sets it above its stack's bottom by what runs below the
     * firmware's deepest frame (an import's report, an interrupt, a trap).
     */
    uintptr_t stack_floor;
} engine_config;

/* The exports the loop calls, in outpost_abi.h's OUTPOST_EXPORTS order. */
typedef enum engine_export {
#define OUTPOST_ENGINE_EXPORT_ENUM(id, name, sig) ENGINE_##id,
    OUTPOST_EXPORTS(OUTPOST_ENGINE_EXPORT_ENUM)
#undef OUTPOST_ENGINE_EXPORT_ENUM
    ENGINE_EXPORT_COUNT
} engine_export;

/*
 * Parses and instantiates `wasm` (which must outlive the engine), binds the
 * imports to `host`, runs the start function and finds the exports.
 * `*out` is valid only when the result is NULL.
 */
const char *engine_load(outpost_engine **out, const uint8_t *wasm, uint32_t len,
                        const engine_config *config, struct outpost_host *host);

/*
 * Calls export `fn` with up to three arguments, taking the ones its ABI
 * signature has (i32 `a`, i32 `b`, i64 `c`, in that order), and stores its
 * result, if any, in `*result` (i32 results sign-extended).
 */
const char *engine_call(outpost_engine *engine, engine_export fn, int32_t a, int32_t b, int64_t c,
                        int64_t *result);

/* Host pointer to linear memory [ptr, ptr + len), or NULL when out of bounds. */
uint8_t *engine_memory(outpost_engine *engine, uint32_t ptr, uint32_t len);

void engine_free(outpost_engine *engine);

#endif /* OUTPOST_ENGINE_H */
