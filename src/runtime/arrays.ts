/**
 * Init-time arrays for the runtime and the HAL: a `StaticArray` of `length`
 * zeroed elements, without the standard constructor's length check and
 * zero fill (whose error strings and fill loop cost more flash than the
 * arrays' users). Callers validate `length` first; a negative length gives
 * an empty array. Allocates: init only.
 *
 * The sealed heap (rt/sealed.ts) never reuses memory, and linear memory
 * starts zeroed, so a fresh block is already all zeros.
 */
export function newStaticArray<T>(length: i32): StaticArray<T> {
  // __new returns fresh, zeroed memory laid out as asc's StaticArray<T>
  return changetype<StaticArray<T>>(__new(<usize>max(length, 0) << alignof<T>(), idof<StaticArray<T>>()));
}
