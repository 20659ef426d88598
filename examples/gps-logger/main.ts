// GPS logger: reads NMEA-0183 from a GPS receiver on UART1 (9600 baud) and
// prints each fix on UART0 (115200 baud), one line per GGA and RMC sentence:
//
//   GGA 12:35:19.000 48.1173000 11.5166667 alt 545.400 m sats 8 quality 1
//   RMC 1994-03-23 12:35:19.000 48.1173000 11.5166667 22.400 kn 84.40 deg
//   GGA 12:35:20.000 no fix sats 0
//   RMC 1994-03-23 12:35:20.000 no fix
//
// Positions are degrees × 10^7 (north and east positive), printed with 7
// decimals; no floating point anywhere. Sentences with bad checksums are
// skipped and counted, and the count is printed when it changes:
//
//   bad checksum (1 so far)
//
// The sentences come from an async generator, `sentences`: a dozen lines
// where a hand-written stream (the Gps driver, hal/drivers/gps.ts) takes a
// future class, a stream class and their wiring.
//
// Feed UART1 from a file on every host: `outpost sim … --uart1 @gps.nmea`,
// `outpost run build/gps-logger.elf --uart1 @gps.nmea` (a native image), or
// the C host's `--input 1:gps.nmea` (boards/wasm/README.md).
import { log, task } from "outpost";
import { BufRead, ByteBuf, Uart, WriteAll } from "outpost/hal";
import { NmeaParser, NmeaSentence } from "outpost/drivers/nmea";
import { UART0, UART1 } from "outpost/board";

let gps!: Uart;
let console!: Uart;
const nmea = new NmeaParser();
const out = new ByteBuf(128);
const writeAll = new WriteAll();

/** Each GGA or RMC sentence `nmea` applies from the bytes of `reader`. Lost bytes fail their sentence's checksum. */
async function* sentences(reader: BufRead, nmea: NmeaParser): AsyncGenerator<i32> {
  while (true) {
    const n = await reader.fillBuf(); // bytes buffered, or an ErrorKind (< 0)
    let used = 0;
    let kind: i32 = NmeaSentence.NONE;
    while (used < n && kind == NmeaSentence.NONE) kind = nmea.feed(reader.byteAt(used++));
    if (used > 0) reader.consume(used);
    if (kind != NmeaSentence.NONE) yield kind;
  }
}

export const logger = task(1, async (): Promise<void> => {
  let badSeen: u32 = 0;
  for await (const kind of sentences(gps, nmea)) {
    out.clear();
    if (nmea.badChecksums != badSeen) {
      badSeen = nmea.badChecksums;
      out.str("bad checksum (").int(badSeen).str(" so far)").crlf();
    }
    if (kind == NmeaSentence.GGA) gga(out, nmea);
    else rmc(out, nmea);
    await writeAll.arm(console, out.data, 0, out.length);
  }
});

function time(out: ByteBuf, ms: i32): void {
  out.uint(ms / 3_600_000, 2).byte(0x3a).uint((ms / 60_000) % 60, 2).byte(0x3a);
  out.uint((ms / 1000) % 60, 2).byte(0x2e).uint(ms % 1000, 3);
}

function gga(out: ByteBuf, nmea: NmeaParser): void {
  out.str("GGA ");
  time(out, nmea.timeMs);
  if (!nmea.hasPosition) {
    out.str(" no fix sats ").int(nmea.satellites).crlf();
    return;
  }
  out.byte(0x20).fixed(nmea.latitudeE7, 7).byte(0x20).fixed(nmea.longitudeE7, 7);
  out.str(" alt ").fixed(nmea.altitudeMm, 3).str(" m sats ").int(nmea.satellites);
  out.str(" quality ").int(nmea.quality).crlf();
}

function rmc(out: ByteBuf, nmea: NmeaParser): void {
  out.str("RMC ").uint(nmea.year, 4).byte(0x2d).uint(nmea.month, 2).byte(0x2d).uint(nmea.day, 2).byte(0x20);
  time(out, nmea.timeMs);
  if (!nmea.hasPosition || !nmea.valid) {
    out.str(" no fix").crlf();
    return;
  }
  out.byte(0x20).fixed(nmea.latitudeE7, 7).byte(0x20).fixed(nmea.longitudeE7, 7);
  out.byte(0x20).fixed(nmea.speedMilliKnots, 3).str(" kn ").fixed(nmea.courseCentiDeg, 2).str(" deg").crlf();
}

export function main(): void {
  log.info("gps-logger: NMEA on UART1 at 9600 baud, fixes on UART0");
  console = new Uart(UART0, 115200, "UART0");
  gps = new Uart(UART1, 9600, "UART1", 128);
  logger.spawn();
}
