/**
 * `HostFault`: thrown by an ABI import when the firmware breaks a rule the
 * host checks (writing to a UART it never configured, handing over a pointer
 * outside its memory, calling an import this host lacks).
 *
 * The throw unwinds the firmware's current call; `abi-host.ts` catches it
 * and turns it into the simulator's panic, like a `panic` import would. No
 * other code catches it.
 */
import type { PanicCode } from "../src/contract/abi-codes.ts";

export class HostFault extends Error {
  readonly code: PanicCode;
  constructor(
    code: PanicCode,
    message: string,
  ) {
    super(message);
    this.code = code;
    this.name = "HostFault";
  }
}
