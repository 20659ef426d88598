/*
 * wasm2c_runtime.c — see wasm2c_runtime.h. Implements the part of wasm-rt.h
 * that wasm2c 1.0.32's output calls, with static storage only.
 */
#include "wasm2c_runtime.h"

#include <stdarg.h>
#include <string.h>

#include "outpost_build.h"

#ifndef OUTPOST_TABLE_ELEMENTS
#define OUTPOST_TABLE_ELEMENTS 0
#endif
#ifndef OUTPOST_FUNC_TYPES
#define OUTPOST_FUNC_TYPES 64
#endif
#define MAX_TYPE_VALUES 12 /* parameters and results of one signature that are told apart */

uintptr_t wasm2c_stack_guard;
uint32_t wasm2c_stack_bytes;
uintptr_t wasm2c_stack_floor;

/* The linear memory; 8-byte aligned so that wasm2c's memcpy loads compile to plain loads. */
uint8_t wasm2c_memory[OUTPOST_MEMORY_BYTES] __attribute__((aligned(8)));
#if OUTPOST_TABLE_ELEMENTS > 0
static wasm_rt_funcref_t table_pool[OUTPOST_TABLE_ELEMENTS];
static uint32_t table_used;
#endif

static jmp_buf unwind;
static wasm_rt_trap_t last_trap;
static int initialized;

static struct {
    uint8_t params, results;
    uint8_t types[MAX_TYPE_VALUES];
} func_types[OUTPOST_FUNC_TYPES];
static uint32_t func_type_count;

void wasm2c_runtime_setup(uint32_t memory_limit, uint32_t stack_bytes, uintptr_t stack_floor) {
    (void)memory_limit; /* fixed at build time: the bounds checks compare against the constant */
    wasm2c_stack_bytes = stack_bytes;
    wasm2c_stack_floor = stack_floor;
    wasm2c_runtime_enter();
    initialized = 1;
}

jmp_buf *wasm2c_runtime_unwind(void) {
    return &unwind;
}

wasm_rt_trap_t wasm2c_runtime_last_trap(void) {
    return last_trap;
}

void wasm_rt_trap(wasm_rt_trap_t trap) {
    last_trap = trap;
    longjmp(unwind, 1);
}

const char *wasm2c_runtime_trap_words(wasm_rt_trap_t trap) {
    switch (trap) {
    case WASM_RT_TRAP_OOB: return "out of bounds memory access";
    case WASM_RT_TRAP_INT_OVERFLOW: return "integer overflow";
    case WASM_RT_TRAP_DIV_BY_ZERO: return "integer divide by zero";
    case WASM_RT_TRAP_INVALID_CONVERSION: return "invalid conversion to integer";
    case WASM_RT_TRAP_UNREACHABLE: return "unreachable executed";
    case WASM_RT_TRAP_CALL_INDIRECT: return "indirect call type mismatch";
    case WASM_RT_TRAP_EXHAUSTION: return "call stack exhausted";
    default: return "unknown trap";
    }
}

const char *wasm_rt_strerror(wasm_rt_trap_t trap) {
    return wasm2c_runtime_trap_words(trap);
}

void wasm_rt_init(void) {
    initialized = 1;
}

bool wasm_rt_is_initialized(void) {
    return initialized != 0;
}

void wasm_rt_free(void) {}

/* Signatures are compared by value: equal signatures get one index, as call_indirect requires. */
uint32_t wasm_rt_register_func_type(uint32_t params, uint32_t results, ...) {
    uint8_t types[MAX_TYPE_VALUES];
    uint32_t i, n = params + results;
    va_list args;
    va_start(args, results);
    for (i = 0; i < n; i++) {
        int type = va_arg(args, int);
        if (i < MAX_TYPE_VALUES) types[i] = (uint8_t)type;
    }
    va_end(args);
    if (n > MAX_TYPE_VALUES) n = MAX_TYPE_VALUES;
    for (i = 0; i < func_type_count; i++) {
        if (func_types[i].params == params && func_types[i].results == results && memcmp(func_types[i].types, types, n) == 0) {
            return i + 1;
        }
    }
    if (func_type_count == OUTPOST_FUNC_TYPES) wasm_rt_trap(WASM_RT_TRAP_CALL_INDIRECT); /* raise OUTPOST_FUNC_TYPES */
    func_types[func_type_count].params = (uint8_t)params;
    func_types[func_type_count].results = (uint8_t)results;
    memset(func_types[func_type_count].types, 0, MAX_TYPE_VALUES);
    memcpy(func_types[func_type_count].types, types, n);
    return ++func_type_count;
}

void wasm_rt_allocate_memory(wasm_rt_memory_t *mem, uint32_t initial_pages, uint32_t max_pages) {
    mem->data = wasm2c_memory;
    mem->pages = initial_pages;
    mem->max_pages = max_pages;
    /* The build makes OUTPOST_MEMORY_BYTES at most the pages the module declares. */
    mem->size = OUTPOST_MEMORY_BYTES;
    memset(wasm2c_memory, 0, OUTPOST_MEMORY_BYTES);
}

uint32_t wasm_rt_grow_memory(wasm_rt_memory_t *mem, uint32_t pages) {
    (void)mem;
    (void)pages;
    return (uint32_t)-1; /* memory never grows on a chip: the build measured what the firmware needs */
}

void wasm_rt_free_memory(wasm_rt_memory_t *mem) {
    (void)mem;
}

void wasm_rt_allocate_funcref_table(wasm_rt_funcref_table_t *table, uint32_t elements, uint32_t max_elements) {
    (void)max_elements;
#if OUTPOST_TABLE_ELEMENTS > 0
    if (table_used + elements <= OUTPOST_TABLE_ELEMENTS) {
        table->data = table_pool + table_used;
        table->size = elements;
        table->max_size = elements;
        table_used += elements;
        return;
    }
#endif
    table->data = NULL;
    table->size = 0;
    table->max_size = 0;
    if (elements > 0) wasm_rt_trap(WASM_RT_TRAP_OOB); /* the build sizes OUTPOST_TABLE_ELEMENTS from the module */
}

void wasm_rt_free_funcref_table(wasm_rt_funcref_table_t *table) {
    (void)table;
}

uint32_t wasm_rt_grow_funcref_table(wasm_rt_funcref_table_t *table, uint32_t delta, wasm_rt_funcref_t init) {
    (void)table;
    (void)delta;
    (void)init;
    return (uint32_t)-1;
}
