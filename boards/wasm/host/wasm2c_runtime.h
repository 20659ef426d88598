/*
 * wasm2c_runtime.h — a bare-metal runtime for wasm2c output (wabt 1.0.32),
 * in place of wabt's wasm-rt-impl.c (which needs mmap, signals and malloc).
 *
 *   linear memory   one static buffer of OUTPOST_MEMORY_BYTES (outpost_build.h),
 *                   what the firmware was measured to need, however many 64 KiB
 *                   pages it declares; bounds checks compare against it, and
 *                   memory.grow is refused (returns -1)
 *   tables          one static pool of OUTPOST_TABLE_ELEMENTS funcrefs
 *   traps           wasm_rt_trap records the kind and longjmps to the engine's
 *                   call (engine_wasm2c.c); never returns
 *   call stack      every function's prologue checks the C stack pointer against
 *                   the engine's stack budget (engine_config.stack_bytes below the
 *                   engine call, never below engine_config.stack_floor): running
 *                   past it is the "call stack exhausted" trap
 *
 * Only engine_wasm2c.c and the translated firmware call this.
 */
#ifndef OUTPOST_WASM2C_RUNTIME_H
#define OUTPOST_WASM2C_RUNTIME_H

#include <stdint.h>

#include "wasm-rt.h"

/* Before instantiating: how many bytes of memory the engine backs (0: OUTPOST_MEMORY_BYTES), the stack budget and floor. */
void wasm2c_runtime_setup(uint32_t memory_limit, uint32_t stack_bytes, uintptr_t stack_floor);
/* The C stack pointer: one instruction on Arm, the frame address elsewhere. */
#if defined(__arm__)
#define wasm2c_stack_pointer() __extension__({ uintptr_t sp_; __asm__ volatile("mov %0, sp" : "=r"(sp_)); sp_; })
#else
#define wasm2c_stack_pointer() ((uintptr_t)__builtin_frame_address(0))
#endif
/* At the start of each call into the firmware: the stack guard is measured from here, and kept above the floor. */
#define wasm2c_runtime_enter()                                                                  \
    (wasm2c_stack_guard = wasm2c_stack_pointer() - wasm2c_stack_bytes,                          \
     wasm2c_stack_guard < wasm2c_stack_floor || wasm2c_stack_guard > wasm2c_stack_pointer()     \
         ? (void)(wasm2c_stack_guard = wasm2c_stack_floor)                                      \
         : (void)0)
/* Where wasm_rt_trap unwinds to: set with WASM_RT_SETJMP before each call. */
jmp_buf *wasm2c_runtime_unwind(void);
wasm_rt_trap_t wasm2c_runtime_last_trap(void);
/* A trap in words, as every Outpost host says them ("integer divide by zero"). */
const char *wasm2c_runtime_trap_words(wasm_rt_trap_t trap);

/* What the translated firmware reads directly (src/toolchain/native/wasm2c.ts rewrites it to): */
extern uintptr_t wasm2c_stack_guard; /* every prologue: below it is "call stack exhausted" */
extern uint32_t wasm2c_stack_bytes;
extern uintptr_t wasm2c_stack_floor;
extern uint8_t wasm2c_memory[];      /* linear memory, OUTPOST_MEMORY_BYTES long */

#endif /* OUTPOST_WASM2C_RUNTIME_H */
