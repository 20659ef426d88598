/**
 * What `outpost build` chose for this firmware. This file holds the
 * defaults; the build serves it with its own values
 * (src/toolchain/compile.ts, `buildFlagsSource`), so code under a flag that
 * is off is not compiled into the firmware at all.
 */

/** Message literals, names and numbers are expanded by the host (board.json `build.deferText`; see text.ts). */
export const DEFERRED_TEXT: bool = false;

/** `outpost build --release`: no task introspection, so tasks count no polls and record no await sites. */
export const RELEASE: bool = false;
