// Bulk memory (memory.copy, memory.fill), which asc emits by default and every build step must keep:
// the simulator's quick build, a speed build and a non-MVP size build log the same.
import { log } from "outpost";

const from = new StaticArray<u8>(64);
const to = new StaticArray<u8>(64);

export function main(): void {
  for (let i = 0; i < 64; i++) from[i] = <u8>(i * 3);
  memory.copy(changetype<usize>(to), changetype<usize>(from), 64);
  memory.fill(changetype<usize>(from) + 8, 0xaa, 4);
  log.infoInt("bulk-memory copied the last byte", to[63]);
  log.infoInt("bulk-memory filled byte 9", from[9]);
  log.infoInt("bulk-memory left byte 12", from[12]);
}
