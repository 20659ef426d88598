/**
 * Async function values: what an async arrow (`async (x: i32): Promise<i32> => …`)
 * or a named async function used as a value becomes, and what a parameter
 * typed as an async function type (`f: (x: i32) => Promise<i32>`) holds.
 *
 * The lowering turns each such type into `AsyncFnN<params…, F>` (N the
 * number of parameters, F the future: `ValueFuture<R>`, or `Future` for
 * `Promise<void>`), each async arrow into a subclass holding its captured
 * variables' environment and one frame, and each call `f(x)` into
 * `f.call(x, at)` (`at`: the call's source position, for BUSY messages).
 *
 * One value runs one call at a time (its frame): a second call while the
 * first is in flight (made and not yet completed or cancelled) is a BUSY
 * panic naming the value and both calls. Nothing here allocates: a value is
 * created at init, or in the frame of the async function that creates it.
 */
import { Future } from "./future";
import { Text } from "./text";

export abstract class AsyncFn0<F extends Future> {
  abstract call(at: Text): F;
}

export abstract class AsyncFn1<A, F extends Future> {
  abstract call(a: A, at: Text): F;
}

export abstract class AsyncFn2<A, B, F extends Future> {
  abstract call(a: A, b: B, at: Text): F;
}

export abstract class AsyncFn3<A, B, C, F extends Future> {
  abstract call(a: A, b: B, c: C, at: Text): F;
}

export abstract class AsyncFn4<A, B, C, D, F extends Future> {
  abstract call(a: A, b: B, c: C, d: D, at: Text): F;
}

export abstract class AsyncFn5<A, B, C, D, E, F extends Future> {
  abstract call(a: A, b: B, c: C, d: D, e: E, at: Text): F;
}

export abstract class AsyncFn6<A, B, C, D, E, G, F extends Future> {
  abstract call(a: A, b: B, c: C, d: D, e: E, g: G, at: Text): F;
}
