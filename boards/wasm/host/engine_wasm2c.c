/*
 * engine_wasm2c.c — engine.h over a firmware translated ahead of time to C
 * by wasm2c (wabt 1.0.32, `wasm2c firmware.wasm -n firmware -o firmware.c`):
 * the firmware is native code linked into the host, so engine_load takes no
 * bytes and `outpost build --board mps2-an385` (or --emit-c) writes this
 * file's companions: firmware.c/.h and outpost_build.h (which exports the
 * firmware has, how much memory backs it).
 *
 * Imports are the functions wasm2c names Z_outpostZ_<name>; they receive
 * the host as wasm2c's import instance. Pointers are checked against the
 * memory really backed (an out-of-bounds one traps). Calls run under
 * setjmp: wasm2c_runtime.c's wasm_rt_trap longjmps back here, and the panic
 * import records the panic and then traps, as engine_wasm3.c does.
 *
 * One firmware per image: the instance is static. Needs GCC or Clang
 * (__builtin_frame_address for the stack guard).
 */
#include <setjmp.h>
#include <string.h>

#include "engine.h"
#include "firmware.h"
#include "host.h"
#include "outpost_build.h"
#include "wasm2c_runtime.h"

/* wasm2c declares this only for a firmware that imports something. */
struct Z_outpost_instance_t;

struct outpost_engine {
    Z_firmware_instance_t instance;
};

static outpost_engine the_engine;

#define HOST_OF(ctx) ((outpost_host *)(void *)(ctx))
/* After a host_* call: a rule it enforced (host_fault: an unconfigured pin or port) stops the firmware. */
#define STOP_IF_PANICKED(ctx) \
    if (HOST_OF(ctx)->panicked) wasm_rt_trap(WASM_RT_TRAP_UNREACHABLE)

/* Host pointer to guest [ptr, ptr + len), or a trap when that is not all backed memory. */
static uint8_t *guest_bytes(uint32_t ptr, uint32_t len) {
    wasm_rt_memory_t *memory = &the_engine.instance.w2c_memory;
    if ((int32_t)len < 0 || ptr > memory->size || len > memory->size - ptr) wasm_rt_trap(WASM_RT_TRAP_OOB);
    return memory->data + ptr;
}

u64 Z_outpostZ_now_us(struct Z_outpost_instance_t *ctx) {
    return (u64)host_now_us(HOST_OF(ctx));
}

u32 Z_outpostZ_gpio_configure(struct Z_outpost_instance_t *ctx, u32 pin, u32 mode) {
    return (u32)host_gpio_configure(HOST_OF(ctx), (int32_t)pin, (int32_t)mode);
}

void Z_outpostZ_gpio_write(struct Z_outpost_instance_t *ctx, u32 pin, u32 level) {
    host_gpio_write(HOST_OF(ctx), (int32_t)pin, (int32_t)level);
    STOP_IF_PANICKED(ctx);
}

u32 Z_outpostZ_gpio_read(struct Z_outpost_instance_t *ctx, u32 pin) {
    u32 level = (u32)host_gpio_read(HOST_OF(ctx), (int32_t)pin);
    STOP_IF_PANICKED(ctx);
    return level;
}

void Z_outpostZ_gpio_listen(struct Z_outpost_instance_t *ctx, u32 pin, u32 edges) {
    host_gpio_listen(HOST_OF(ctx), (int32_t)pin, (int32_t)edges);
    STOP_IF_PANICKED(ctx);
}

u32 Z_outpostZ_uart_configure(struct Z_outpost_instance_t *ctx, u32 port, u32 baud, u32 flags) {
    return (u32)host_uart_configure(HOST_OF(ctx), (int32_t)port, (int32_t)baud, (int32_t)flags);
}

u32 Z_outpostZ_uart_write(struct Z_outpost_instance_t *ctx, u32 port, u32 ptr, u32 len) {
    u32 moved = (u32)host_uart_write(HOST_OF(ctx), (int32_t)port, guest_bytes(ptr, len), (int32_t)len);
    STOP_IF_PANICKED(ctx);
    return moved;
}

u32 Z_outpostZ_uart_read(struct Z_outpost_instance_t *ctx, u32 port, u32 ptr, u32 len) {
    u32 moved = (u32)host_uart_read(HOST_OF(ctx), (int32_t)port, guest_bytes(ptr, len), (int32_t)len);
    STOP_IF_PANICKED(ctx);
    return moved;
}

void Z_outpostZ_uart_listen(struct Z_outpost_instance_t *ctx, u32 port, u32 events) {
    host_uart_listen(HOST_OF(ctx), (int32_t)port, (int32_t)events);
    STOP_IF_PANICKED(ctx);
}

void Z_outpostZ_log(struct Z_outpost_instance_t *ctx, u32 level, u32 ptr, u32 len) {
    host_log(HOST_OF(ctx), (int32_t)level, guest_bytes(ptr, len), (int32_t)len);
}

void Z_outpostZ_panic(struct Z_outpost_instance_t *ctx, u32 code, u32 task, u32 msg, u32 msg_len, u32 file,
                      u32 file_len, u32 line, u32 column) {
    const uint8_t *msg_bytes = guest_bytes(msg, msg_len);
    const uint8_t *file_bytes = guest_bytes(file, file_len);
    host_panic(HOST_OF(ctx), (int32_t)code, (int32_t)task, msg_bytes, (int32_t)msg_len, file_bytes, (int32_t)file_len,
               (int32_t)line, (int32_t)column);
    wasm_rt_trap(WASM_RT_TRAP_UNREACHABLE); /* the firmware stops here; the loop reports the panic */
}

const char *engine_load(outpost_engine **out, const uint8_t *wasm, uint32_t len, const engine_config *config,
                        struct outpost_host *host) {
    (void)wasm;
    (void)len;
    wasm2c_runtime_setup(config->memory_limit, config->stack_bytes, config->stack_floor);
    if (WASM_RT_SETJMP(*wasm2c_runtime_unwind())) {
        return wasm2c_runtime_last_trap() == WASM_RT_TRAP_OOB
                   ? "the firmware's data does not fit the memory this image backs: rebuild it"
                   : wasm2c_runtime_trap_words(wasm2c_runtime_last_trap());
    }
    Z_firmware_init_module();
#if OUTPOST_HAS_IMPORTS
    Z_firmware_instantiate(&the_engine.instance, (struct Z_outpost_instance_t *)(void *)host);
#else
    (void)host;
    Z_firmware_instantiate(&the_engine.instance);
#endif
    *out = &the_engine;
    return NULL;
}

const char *engine_call(outpost_engine *engine, engine_export fn, int32_t a, int32_t b, int64_t c, int64_t *result) {
    Z_firmware_instance_t *x = &engine->instance;
    int64_t value = 0;
    if (WASM_RT_SETJMP(*wasm2c_runtime_unwind())) return wasm2c_runtime_trap_words(wasm2c_runtime_last_trap());
    wasm2c_runtime_enter();
    switch (fn) {
    case ENGINE_abi_version: value = (int32_t)Z_firmwareZ_outpost_abi_version(x); break;
    case ENGINE_init: Z_firmwareZ_outpost_init(x); break;
    case ENGINE_poll: value = (int64_t)Z_firmwareZ_outpost_poll(x); break;
    case ENGINE_event: Z_firmwareZ_outpost_event(x, (u32)a, (u32)b, (u64)c); break;
#if OUTPOST_HAS_current_task
    case ENGINE_current_task: value = (int32_t)Z_firmwareZ_outpost_current_task(x); break;
#endif
#if OUTPOST_HAS_task_name
    case ENGINE_task_name: value = (int32_t)Z_firmwareZ_outpost_task_name(x, (u32)a); break;
#endif
#if OUTPOST_HAS_task_chain
    case ENGINE_task_chain: value = (int32_t)Z_firmwareZ_outpost_task_chain(x, (u32)a); break;
#endif
#if OUTPOST_HAS_scratch
    case ENGINE_scratch: value = (int32_t)Z_firmwareZ_outpost_scratch(x); break;
#endif
#if OUTPOST_HAS_heap_top
    case ENGINE_heap_top: value = (int32_t)Z_firmwareZ_outpost_heap_top(x); break;
#endif
    default: return "the firmware does not export this function";
    }
    if (result) *result = value;
    return NULL;
}

uint8_t *engine_memory(outpost_engine *engine, uint32_t ptr, uint32_t len) {
    wasm_rt_memory_t *memory = &engine->instance.w2c_memory;
    if (ptr > memory->size || len > memory->size - ptr) return NULL;
    return memory->data + ptr;
}

void engine_free(outpost_engine *engine) {
    (void)engine; /* static: nothing to give back */
}
