/**
 * Ping-pong natively (bench/native.ts): instructions per round trip of the
 * executor against direct calls of the same poll functions, in one image
 * on QEMU mps2-an385.
 */
import type { Benchmark } from "./lib.ts";
import { nativeSkipped, pingPong } from "./native.ts";

const benchmark: Benchmark = {
  name: "native-ping-pong",
  op: "round trip (instructions)",
  peer: "direct",
  targets: [{ impl: "outpost", peer: "direct", factor: 1.5, text: "executor ≤ 1.5× direct calls, in instructions on a Cortex-M3" }],
  async run({ quick }) {
    return nativeSkipped(quick) ? [] : pingPong();
  },
};

export default benchmark;
