// Test firmware for test/hal/nmea.test.ts: the Gps stream and NmeaParser
// on UART1 (9600 baud). Prints every item on UART0 with the parser's raw
// fixed-point fields and counters:
//   GGA t=<timeMs> pos=<0|1> lat=<latE7> lon=<lonE7> alt=<mm> sats=<n> q=<quality> | bad=<n> malformed=<n> ignored=<n>
//   RMC t=<timeMs> pos=<0|1> lat=… lon=… valid=<0|1> speed=<milli-knots> course=<centi-deg> date=<y>-<m>-<d> | …
//   ERR <status>
import { Task, TaskPool } from "outpost";
import { ByteBuf, StreamStatus, Uart, WriteAll } from "outpost/hal";
import { Gps, GpsNext } from "outpost/drivers/gps";
import { NmeaParser, NmeaSentence } from "outpost/drivers/nmea";
import { UART0, UART1 } from "outpost/board";

class Printer extends Task {
  gps!: Gps;
  console!: Uart;
  out: ByteBuf = new ByteBuf(200);
  all: WriteAll = new WriteAll();
  writing: bool = false;
  next: GpsNext | null = null;

  poll(): bool {
    while (true) {
      if (this.writing) {
        if (!this.all.poll()) return false;
        this.writing = false;
      }
      if (this.next === null) this.next = this.gps.next();
      const next = this.next!;
      if (!next.poll()) return false;
      this.next = null;
      const out = this.out.clear();
      const p = this.gps.nmea;
      if (next.status != StreamStatus.ITEM) {
        out.str("ERR ").int(next.status);
      } else {
        out.str(next.value == NmeaSentence.GGA ? "GGA" : "RMC");
        out.str(" t=").int(p.timeMs).str(" pos=").int(p.hasPosition ? 1 : 0);
        out.str(" lat=").int(p.latitudeE7).str(" lon=").int(p.longitudeE7);
        if (next.value == NmeaSentence.GGA) {
          out.str(" alt=").int(p.altitudeMm).str(" sats=").int(p.satellites).str(" q=").int(p.quality);
        } else {
          out.str(" valid=").int(p.valid ? 1 : 0).str(" speed=").int(p.speedMilliKnots);
          out.str(" course=").int(p.courseCentiDeg).str(" date=").int(p.year).byte(0x2d).int(p.month).byte(0x2d).int(p.day);
        }
      }
      counters(out, p);
      this.all.arm(this.console, out.data, 0, out.length);
      this.writing = true;
    }
  }
}

function counters(out: ByteBuf, p: NmeaParser): void {
  out.str(" | bad=").int(p.badChecksums).str(" malformed=").int(p.malformed).str(" ignored=").int(p.ignored).crlf();
}

const printers = new TaskPool<Printer>("printer", 1);

export function main(): void {
  const printer = printers.spawn();
  printer.console = new Uart(UART0, 115200, "UART0");
  printer.gps = new Gps(new Uart(UART1, 9600, "UART1"));
}
