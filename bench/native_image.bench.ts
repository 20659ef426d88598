/**
 * Every example as a native image for mps2-an385 (bench/native.ts): flash,
 * RAM (static data + the C stack's measured peak), and the wall time of one
 * 3-second QEMU run as ns_per_op.
 */
import type { Benchmark } from "./lib.ts";
import { images, nativeSkipped } from "./native.ts";

const benchmark: Benchmark = {
  name: "native-image",
  op: "QEMU run of 3 s virtual (wall ns)",
  peer: null,
  targets: [],
  async run({ quick }) {
    return nativeSkipped(quick) ? [] : images();
  },
};

export default benchmark;
