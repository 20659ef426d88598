/**
 * `Gps`: a GPS receiver on a serial port, as a `Stream<i32>` of the NMEA
 * sentences it applied (NmeaSentence.GGA / RMC). Portable: it uses only the
 * `BufRead` trait; the parsing is `NmeaParser`'s (nmea.ts).
 *
 *   const gps = new Gps(new Uart(UART1, 9600, "UART1"));   // at init
 *   gps.next()           // in a poll: resolves after each valid GGA or RMC
 *   gps.nmea.latitudeE7  // the fix so far
 *
 * Sentences with bad checksums, malformed ones and other types are skipped
 * and counted by the parser (`gps.nmea.badChecksums`, …); they never end
 * or fail the stream. Read errors (e.g. ErrorKind.OVERRUN: bytes were lost)
 * come through as the status once; the sentence they cut is dropped by its
 * checksum. The stream never ends.
 *
 * Cancel-safe: bytes are consumed from the reader only as they are fed to
 * the parser, so a cancelled next() loses nothing (a sentence half-fed stays
 * half-fed and continues). Never allocates after construction.
 */
import { textOf } from "outpost";
import { BufRead } from "outpost/hal/io";
import { PendingFill } from "outpost/hal/io_helpers";
import { Stream, StreamNext } from "outpost/hal/stream";
import { NmeaParser, NmeaSentence } from "outpost/drivers/nmea";

export class GpsNext extends StreamNext<i32> {
  gps!: Gps;
  private fill: PendingFill = new PendingFill();

  arm(): GpsNext {
    this.begin();
    return this;
  }

  poll(): bool {
    const reader = this.gps.reader;
    const nmea = this.gps.nmea;
    const fill = this.fill;
    while (true) {
      if (!fill.poll(reader)) return this.park();
      const n = fill.value;
      if (n < 0) return this.stop(n);
      for (let i = 0; i < n; i++) {
        const kind = nmea.feed(reader.byteAt(i));
        if (kind != NmeaSentence.NONE) {
          reader.consume(i + 1);
          return this.item(kind);
        }
      }
      reader.consume(n);
    }
  }

  protected release(): void {
    this.fill.cancel();
  }
}

export class Gps implements Stream<i32> {
  readonly reader: BufRead;
  readonly nmea: NmeaParser = new NmeaParser();
  private op: GpsNext = new GpsNext();

  /** A receiver whose NMEA output arrives on `reader`. Init only. */
  constructor(reader: BufRead) {
    this.reader = reader;
    this.op.named("gps", textOf("next()"));
    this.op.gps = this;
  }

  next(): GpsNext {
    return this.op.arm();
  }
}
