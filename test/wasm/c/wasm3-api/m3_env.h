/*
 * The one field of wasm3 v0.5.0's runtime (source/m3_env.h) that
 * engine_wasm3.c sets; see wasm3.h beside this file for why it is here.
 */
#ifndef m3_env_h
#define m3_env_h

#include <stdint.h>

struct M3Runtime {
    uint32_t memoryLimit;
};

#endif
