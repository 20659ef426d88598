/**
 * Outpost's heap: a bump allocator that seals after init.
 *
 * `outpost build` installs this file in place of AssemblyScript's stub
 * runtime, so it must provide the runtime interface asc expects (`__alloc`,
 * `__new`, `__renew`, `__link`, `__pin`, …). Objects keep asc's layout:
 *
 *   ┌────────────┬──────────────────────────────┬──────────────
 *   │ BLOCK      │ OBJECT header (gcInfo, gcInfo2, rtId, rtSize)│ payload …
 *   │ mmInfo u32 │                              │
 *   └────────────┴──────────────────────────────┴──────────────
 *   ^ top (16-byte aligned payloads)            ^ returned by __new
 *
 * `mmInfo` (a block's size) stays zero: nothing is freed, and `__realloc`
 * needs only to know which block is the last one. Zeros cost nothing in a
 * size build, whose heap after the module initialisers is stored as data
 * (src/toolchain/wasm/start-snapshot.ts).
 *
 * Memory is never freed. Everything the firmware needs is allocated by
 * module initialisation and `outpost_init`; `__outpost_seal()` then makes any
 * further allocation a `ALLOC_AFTER_INIT` panic naming the task, which is how
 * Outpost proves zero allocation after init rather than hoping for it.
 * The heap top never moves after sealing (`outpost_heap_top`).
 */
import { AL_MASK, BLOCK_OVERHEAD, BLOCK_MAXSIZE, OBJECT, OBJECT_MAXSIZE, OBJECT_OVERHEAD } from "./common";
import { allocationAfterInit } from "outpost/seal";

// Zero until the first allocation. Not a @lazy initialiser: asc may emit
// another lazy global's allocating initialiser (a table in the registry, a
// ring in the run queue) before this one, and that allocation would land at
// address 0, below static data.
let top: usize = 0;
/** The payload of the last block allocated (the only one that can grow in place), 0 before the first. */
let last: usize = 0;

// @ts-ignore: decorator
@inline function heapStart(): usize {
  return ((__heap_base + BLOCK_OVERHEAD + AL_MASK) & ~AL_MASK) - BLOCK_OVERHEAD;
}
// @ts-ignore: decorator
@lazy let sealed: bool = false;

/** Forbids allocation from now on. Called once, at the end of `outpost_init`. */
// @ts-ignore: decorator
@global export function __outpost_seal(): void {
  sealed = true;
}

/** The bump pointer: the first byte no object uses. */
// @ts-ignore: decorator
@global export function __outpost_heap_top(): usize {
  return top != 0 ? top : heapStart();
}

// @ts-ignore: decorator
@inline function payloadSize(size: usize): usize {
  return ((size + BLOCK_OVERHEAD + AL_MASK) & ~AL_MASK) - BLOCK_OVERHEAD;
}

/** Grows linear memory so that it reaches `end`; traps if the host refuses. */
// @ts-ignore: decorator
@inline function reserveMemory(end: usize): void {
  const available = <usize>memory.size() << 16;
  if (end > available && memory.grow(<i32>((end - available + 0xffff) >>> 16)) < 0) unreachable();
}

// @ts-ignore: decorator
@unsafe @global
export function __alloc(size: usize): usize {
  if (sealed) allocationAfterInit(size);
  if (size > BLOCK_MAXSIZE) unreachable();
  if (top == 0) top = heapStart();
  const ptr = top + BLOCK_OVERHEAD; // top is the next free, aligned block
  const end = ptr + payloadSize(size);
  reserveMemory(end); // grows only during init; the host sized memory for what init needs
  top = end;
  last = ptr;
  return ptr;
}

// @ts-ignore: decorator
@unsafe @global
export function __realloc(ptr: usize, size: usize): usize {
  if (ptr == last && !sealed) {
    // The last block grows (or shrinks) in place.
    const end = ptr + payloadSize(size);
    reserveMemory(end);
    top = end;
    return ptr;
  }
  // Blocks do not record their size: copy what may be the old contents, up to `size` bytes and never past the old heap top.
  const before = top - ptr;
  const moved = __alloc(size);
  memory.copy(moved, ptr, min(size, before));
  return moved;
}

// @ts-ignore: decorator
@unsafe @global
export function __free(ptr: usize): void {
  // Never frees: firmware memory is laid out once at init.
}

// @ts-ignore: decorator
@unsafe @global
export function __reset(): void {
  // Not supported: the heap is laid out once.
}

// @ts-ignore: decorator
@unsafe @global
export function __new(size: usize, id: u32): usize {
  if (size > OBJECT_MAXSIZE) unreachable();
  const ptr = __alloc(OBJECT_OVERHEAD + size);
  const object = changetype<OBJECT>(ptr - BLOCK_OVERHEAD); // header precedes the payload
  object.gcInfo = 0;
  object.gcInfo2 = 0;
  object.rtId = id;
  object.rtSize = <u32>size;
  return ptr + OBJECT_OVERHEAD;
}

// @ts-ignore: decorator
@unsafe @global
export function __renew(oldPtr: usize, size: usize): usize {
  if (size > OBJECT_MAXSIZE) unreachable();
  const ptr = __realloc(oldPtr - OBJECT_OVERHEAD, OBJECT_OVERHEAD + size);
  changetype<OBJECT>(ptr - BLOCK_OVERHEAD).rtSize = <u32>size; // header precedes the payload
  return ptr + OBJECT_OVERHEAD;
}

// @ts-ignore: decorator
@global @unsafe
export function __link(parentPtr: usize, childPtr: usize, expectMultiple: bool): void {
  // No garbage collector: nothing to record.
}

// @ts-ignore: decorator
@global @unsafe
export function __pin(ptr: usize): usize {
  return ptr;
}

// @ts-ignore: decorator
@global @unsafe
export function __unpin(ptr: usize): void {}

// @ts-ignore: decorator
@global @unsafe
function __visit(ptr: usize, cookie: u32): void {}

// @ts-ignore: decorator
@global @unsafe
export function __collect(): void {}
