/**
 * Compiled only in the Espruino-only program (tsconfig.espruino.json, with
 * `types: ["espruino"]`; test/espruino/types.test.ts runs it): Espruino's
 * declared globals must fit the types the simulator's Espruino host offers
 * (sim/espruino/globals.ts). A host signature that Espruino's own does not match fails
 * here. setTimeout and setInterval are left out: @types/espruino 1.95 does
 * not declare them.
 */
import type { EspruinoE, EspruinoFunctions, EspruinoSerial } from "../../sim/espruino/globals.ts";

export const serials: EspruinoSerial[] = [Serial1, Serial2, USB];
export const e: EspruinoE = E;
export const functions: Omit<EspruinoFunctions, "setTimeout" | "setInterval"> = {
  getTime, clearTimeout, clearInterval, setWatch, clearWatch, pinMode, digitalWrite, digitalRead, atob, btoa,
};
