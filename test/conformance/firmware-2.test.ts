/** Conformance: part 2 of every test firmware on the simulator and the C host (firmware.ts deals them). */
import { runFirmwareCases } from "./firmware.ts";

runFirmwareCases(1, 2);
