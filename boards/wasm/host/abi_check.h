/*
 * abi_check.h — ABI v1's load-time contract (boards/ABI.md, "Checked at
 * load"), checked on a module's bytes before any engine sees them.
 *
 *   every export with an ABI name   a function of exactly its signature
 *                                   (memory: a memory the module defines)
 *   the required exports            present
 *   every import                    a function of module "outpost" that the
 *                                   ABI defines, with exactly its signature
 *
 * Engine-independent: it reads the type, import, function and export
 * sections itself (bounds-checked, no allocation, a few hundred bytes of
 * stack), so every engine adapter gets the same refusal, worded exactly as
 * the simulator words it (src/contract/abi-contract.ts). outpost_host_run
 * calls it before engine_load; a native (ahead-of-time) build can run it at
 * build time on the .wasm it translates.
 */
#ifndef OUTPOST_ABI_CHECK_H
#define OUTPOST_ABI_CHECK_H

#include <stddef.h>
#include <stdint.h>

#define OUTPOST_ABI_CHECK_OK 0
#define OUTPOST_ABI_CHECK_NOT_WASM 1      /* no \0asm header, or a section runs past the end */
#define OUTPOST_ABI_CHECK_NOT_OUTPOST 2   /* valid enough to read, but it breaks the contract */

/*
 * Checks `wasm`; on a breach writes one phrase naming it into `why`
 * (NUL-terminated, cut to `cap`), e.g. "its export outpost_poll has type
 * () -> i32 where ABI v1 says () -> i64", and returns a nonzero code.
 */
int outpost_abi_check(const uint8_t *wasm, uint32_t len, char *why, size_t cap);

#endif /* OUTPOST_ABI_CHECK_H */
