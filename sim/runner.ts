/**
 * What the simulator drives: a firmware behind the ABI, whichever host
 * runs it — `Firmware` (abi-host.ts) for Wasm, `EspruinoFirmware`
 * (espruino/runtime.ts) for a build for an Espruino board. Both have these
 * methods with the same meaning; `loadRunner` picks the host from the bytes.
 */
import type { Board } from "../src/contract/boards.ts";
import { type AbiHost, Firmware, type FirmwareOptions } from "./abi-host.ts";
import { EspruinoFirmware, espruinoScript } from "./espruino/runtime.ts";

export type FirmwareRunner = Pick<
  Firmware,
  "panic" | "release" | "init" | "poll" | "event" | "stop" | "taskCount" | "taskState" | "taskPolls" | "taskSite" | "taskChain" | "taskName" | "introspects" | "heapTop"
>;

/** A .wasm (bytes) runs in the Wasm host; an Espruino build (its text, or its bytes) in the Espruino host. */
export async function loadRunner(
  firmware: Uint8Array | string,
  host: AbiHost,
  board: Board,
  name: string,
  options: FirmwareOptions = {},
): Promise<FirmwareRunner> {
  const script = espruinoScript(firmware);
  if (script !== null) return EspruinoFirmware.load(script, host, board, name);
  return Firmware.load(firmware as Uint8Array, host, name, options);
}
