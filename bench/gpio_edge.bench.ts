/**
 * GPIO edge → task resume: an input edge wakes a task that toggles an
 * output; one operation is one edge, from the interrupt to the task's
 * reaction.
 *
 *   outpost      bench/firmware/gpio_edge.ts under a bare ABI host
 *                (test/helpers/bare_host.ts): per edge, the host's
 *                `outpost_event(GPIO_EDGE, …)` then `outpost_poll`, which
 *                runs the task (wall time: the host's cost per edge)
 *   outpost-sim  the same firmware in Outpost's simulator, the edges driven
 *                on BTN1's pin model; `virtual_latency_us` is the largest
 *                delay from an edge to LED1's change, in virtual time (the
 *                simulator delivers the interrupt and polls at the edge's
 *                own instant, so it is 0)
 *   promises     Node: an EventEmitter's listener resolves the promise an
 *                async function awaits; it toggles and acknowledges
 */
import { EventEmitter } from "node:events";
import { loadBoard, resolvePin } from "../src/contract/boards.ts";
import { Simulator } from "../sim/index.ts";
import { BareHost } from "../test/helpers/bare_host.ts";
import { buildTestFirmware } from "../test/helpers/firmware.ts";
import { type Benchmark, type Result, type RunOptions, bestOf, check, nsPerOpAsync, rounds, timeNs } from "./lib.ts";

const EDGES = 200_000;
const GPIO_EDGE = 1; // boards/ABI.md, outpost_event sources
const SPACING = 10; // µs between edges

/** EDGES edges through the bare host; returns ns per edge. */
function bareEdges(host: BareHost, pin: number, led: number, edges: number): number {
  const toggles = host.pins.get(led)?.length ?? 0;
  const ns = timeNs(() => {
    for (let i = 0; i < edges; i++) {
      host.now += SPACING;
      host.exports.outpost_event(GPIO_EDGE, pin | ((i & 1) << 16), BigInt(host.now));
      host.pollOnce();
    }
  });
  if (host.panic) throw new Error(`gpio firmware panicked: ${host.panic.message}`);
  check((host.pins.get(led)?.length ?? 0) - toggles === edges, "every edge toggled LED1 once");
  return ns / edges;
}

/** EDGES edges driven on BTN1 in the simulator; ns per edge and the largest virtual latency. */
function simEdges(sim: Simulator, edges: number): { ns: number; latency: number } {
  const btn = sim.pin("BTN1");
  const led = sim.pin("LED1");
  const start = sim.now + SPACING;
  const before = led.history.length;
  for (let i = 0; i < edges; i++) btn.drive(i & 1 ? 0 : 1, start + i * SPACING);
  const ns = timeNs(() => sim.runFor(edges * SPACING + SPACING));
  check(sim.panic === null, `gpio firmware panicked: ${sim.panic?.message}`);
  const changes = led.history.slice(before);
  check(changes.length === edges, `LED1 changed ${changes.length} times for ${edges} edges`);
  let latency = 0;
  changes.forEach((c, i) => (latency = Math.max(latency, c.at - (start + i * SPACING))));
  return { ns: ns / edges, latency };
}

async function emitterEdges(edges: number): Promise<number> {
  const emitter = new EventEmitter();
  let wakeFollower: ((level: number) => void) | null = null;
  emitter.on("edge", (level: number) => {
    const wake = wakeFollower;
    wakeFollower = null;
    wake?.(level);
  });
  let ack: () => void = () => {};
  let toggles = 0;
  let led = 0;
  const follower = async (): Promise<void> => {
    for (let i = 0; i < edges; i++) {
      await new Promise<number>((r) => (wakeFollower = r));
      led ^= 1;
      toggles++;
      ack();
    }
  };
  const following = follower();
  for (let i = 0; i < edges; i++) {
    const acked = new Promise<void>((r) => (ack = r));
    emitter.emit("edge", i & 1);
    await acked;
  }
  await following;
  return toggles;
}

const gpioEdge: Benchmark = {
  name: "gpio-edge",
  op: "edge",
  peer: "promises",
  targets: [{ impl: "outpost", peer: "promises", factor: 1, text: "outpost no slower than promises" }],
  async run(options: RunOptions): Promise<Result[]> {
    const { warmup, runs } = rounds(options, 3, 10);
    const edges = options.quick ? 1000 : EDGES;
    const wasm = await buildTestFirmware("bench/firmware/gpio_edge.ts");
    const board = loadBoard("sim");
    const host = BareHost.load(wasm);
    host.runUntilTime(0);
    const outpost = await bestOf(warmup, runs, () => bareEdges(host, resolvePin(board, "BTN1"), resolvePin(board, "LED1"), edges));
    const sim = await Simulator.load(wasm, { board: "sim", historyLimit: 4 * EDGES }); // every LED change kept, to check each edge
    let latency = 0;
    const simRounds = rounds(options, 1, 3);
    const simNs = await bestOf(simRounds.warmup, simRounds.runs, () => {
      const r = simEdges(sim, options.quick ? 1000 : EDGES / 4);
      latency = Math.max(latency, r.latency);
      return r.ns;
    });
    const promises = await bestOf(warmup, runs, () => nsPerOpAsync(edges, "emitted edges followed", () => emitterEdges(edges)));
    return [
      { benchmark: "gpio-edge", impl: "outpost", ns_per_op: outpost },
      { benchmark: "gpio-edge", impl: "outpost-sim", ns_per_op: simNs, virtual_latency_us: latency },
      { benchmark: "gpio-edge", impl: "promises", ns_per_op: promises },
    ];
  },
};

export default gpioEdge;
