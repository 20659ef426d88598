/**
 * A simulated GPS receiver: NMEA-0183 GGA and RMC sentences for a list of
 * fixes, sent into a UART through its `send` API, as a receiver with a
 * 1 Hz fix rate would (the firmware side is hal/drivers/nmea.ts).
 *
 *   playGps(sim.uart("UART1"), [{ lat: 48.1173, lon: 11.516667, altitude: 545.4 }], { at: "1s" });
 *
 * Fix i is sent at `at + i·every`, stamped with UTC time `utc + i·every`:
 * first its GGA, then (back to back, at `baud`) its RMC. Positions are in
 * degrees (north and east positive) and are written the NMEA way,
 * `ddmm.mmmm` with 4 decimals of minutes (rounded to the nearest); a fix
 * without `lat`/`lon` is "no fix" (empty position, quality 0, status V).
 * `badChecksum` sends that fix's sentences with a wrong checksum, for
 * testing receivers. Returns every sentence sent, in order, CR LF included.
 */
import { toMicros } from "../src/contract/duration.ts";
import type { TimeSpec, UartHandle } from "./types.ts";

export interface GpsFix {
  /** Degrees, north positive; omit with `lon` for "no fix". */
  lat?: number;
  /** Degrees, east positive. */
  lon?: number;
  /** Metres above mean sea level (default 0). */
  altitude?: number;
  /** Satellites in use (default 8, or 0 without a fix). */
  satellites?: number;
  speedKnots?: number;
  courseDeg?: number;
  /** Send this fix's sentences with a checksum off by one. */
  badChecksum?: boolean;
}

export interface GpsOptions {
  /** When the first fix is sent (virtual time: `sim.now` for now); each next one `every` later. */
  at: TimeSpec;
  /** Time between fixes; default "1s". */
  every?: TimeSpec;
  /** UTC time of the first fix, ISO 8601; default "2024-01-01T12:00:00Z". */
  utc?: string;
  /** The receiver's baud; default 9600. */
  baud?: number;
  /** Talker ID; default "GP". */
  talker?: string;
}

/** The XOR of a sentence body (between `$` and `*`) as two uppercase hex digits. */
export function nmeaChecksum(body: string): string {
  let sum = 0;
  for (const c of body) sum ^= c.charCodeAt(0);
  return sum.toString(16).toUpperCase().padStart(2, "0");
}

/** `$body*HH\r\n`, with the checksum off by one when `bad`. */
export function nmeaSentence(body: string, bad = false): string {
  const sum = bad ? nmeaChecksum(body).replace(/^../, (h) => ((parseInt(h, 16) + 1) & 0xff).toString(16).toUpperCase().padStart(2, "0")) : nmeaChecksum(body);
  return `$${body}*${sum}\r\n`;
}

/** An angle as NMEA writes it: `ddmm.mmmm,N` (latitude) or `dddmm.mmmm,E` (longitude). */
export function nmeaAngle(degrees: number, latitude: boolean): string {
  const tenThousandthMinutes = Math.round(Math.abs(degrees) * 600_000);
  const whole = Math.floor(tenThousandthMinutes / 600_000);
  const rest = tenThousandthMinutes % 600_000; // minutes × 10^4
  const minutes = `${String(Math.floor(rest / 10_000)).padStart(2, "0")}.${String(rest % 10_000).padStart(4, "0")}`;
  const hemisphere = latitude ? (degrees < 0 ? "S" : "N") : degrees < 0 ? "W" : "E";
  return `${String(whole).padStart(latitude ? 2 : 3, "0")}${minutes},${hemisphere}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** GGA and RMC bodies for `fix` at UTC `time`. */
export function gpsSentences(fix: GpsFix, time: Date, talker = "GP"): string[] {
  const hasFix = fix.lat !== undefined && fix.lon !== undefined;
  const hhmmss = `${pad2(time.getUTCHours())}${pad2(time.getUTCMinutes())}${pad2(time.getUTCSeconds())}.${pad2(Math.floor(time.getUTCMilliseconds() / 10))}`;
  const ddmmyy = `${pad2(time.getUTCDate())}${pad2(time.getUTCMonth() + 1)}${pad2(time.getUTCFullYear() % 100)}`;
  const position = hasFix ? `${nmeaAngle(fix.lat!, true)},${nmeaAngle(fix.lon!, false)}` : ",,,";
  const satellites = fix.satellites ?? (hasFix ? 8 : 0);
  const altitude = (fix.altitude ?? 0).toFixed(1);
  const gga = `${talker}GGA,${hhmmss},${position},${hasFix ? 1 : 0},${pad2(satellites)},0.9,${hasFix ? altitude : ""},M,46.9,M,,`;
  const speed = (fix.speedKnots ?? 0).toFixed(1).padStart(5, "0");
  const course = (fix.courseDeg ?? 0).toFixed(1).padStart(5, "0");
  const rmc = `${talker}RMC,${hhmmss},${hasFix ? "A" : "V"},${position},${speed},${course},${ddmmyy},,,A`;
  return [gga, rmc].map((body) => nmeaSentence(body, fix.badChecksum ?? false));
}

/** Schedules `fixes` into `uart`; returns the sentences in the order they are sent. */
export function playGps(uart: UartHandle, fixes: GpsFix[], options: GpsOptions): string[] {
  const start = toMicros(options.at);
  const every = toMicros(options.every ?? "1s");
  const utc = Date.parse(options.utc ?? "2024-01-01T12:00:00Z");
  const sent: string[] = [];
  fixes.forEach((fix, i) => {
    const text = gpsSentences(fix, new Date(utc + (i * every) / 1000), options.talker).join("");
    sent.push(...text.split(/(?<=\n)/));
    uart.send(text, { at: start + i * every, baud: options.baud ?? 9600 });
  });
  return sent;
}
