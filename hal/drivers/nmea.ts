/**
 * `NmeaParser`: NMEA-0183 sentences from GPS receivers, byte by byte,
 * keeping the latest fix. Pure and synchronous (no I/O, no traits): the
 * `Gps` stream (gps.ts) feeds it from a serial port; tests can feed it
 * directly.
 *
 *   const nmea = new NmeaParser();               // at init
 *   const kind = nmea.feed(b);                   // per byte: NmeaSentence.GGA/RMC when one was applied
 *   nmea.latitudeE7, nmea.longitudeE7, nmea.timeMs, …
 *
 * Sentences understood (any talker: GP, GN, GL, GA, …):
 *   GGA  time, position, fix quality, satellites, altitude
 *   RMC  time, status (A valid / V void), position, speed, course, date
 * A sentence counts only if it is well formed: `$…*HH` with HH the XOR of
 * the bytes between `$` and `*`, at most 82 bytes after the `$`. Bad
 * checksums are counted in `badChecksums` and skipped; unparsable sentences
 * (missing `*`, bad field, too long) in `malformed`; valid sentences of
 * other types in `ignored`. A `$` always starts a new sentence, so a lost
 * byte costs one sentence only.
 *
 * Numbers are fixed-point integers, no floats:
 *   latitudeE7 / longitudeE7   degrees × 10^7, north and east positive
 *                              (ddmm.mmmm → dd + mm.mmmm/60, rounded to nearest)
 *   altitudeMm                 metres above mean sea level × 1000
 *   speedMilliKnots, courseCentiDeg
 *   timeMs                     UTC ms since midnight of the last fix
 *   year/month/day             UTC date from the last RMC (0 until one);
 *                              two-digit years are read as 1980–2079
 * Empty fields a receiver sends before it knows them (time, date,
 * satellites, altitude, speed) leave the previous value (satellites: 0).
 * A fix with an empty position (no satellite fix yet) leaves `hasPosition`
 * false and the last position unchanged.
 *
 * Cost: O(1) per byte, O(length) per sentence end. Never allocates after
 * construction.
 */
import { newStaticArray } from "outpost/arrays";

export namespace NmeaSentence {
  // @ts-ignore: decorator
  @inline export const NONE: i32 = 0;
  // @ts-ignore: decorator
  @inline export const GGA: i32 = 1;
  // @ts-ignore: decorator
  @inline export const RMC: i32 = 2;
}

/** Longest sentence NMEA-0183 allows, `$` to the checksum, without CR LF. */
// @ts-ignore: decorator
@inline const MAX_SENTENCE: i32 = 82;
// @ts-ignore: decorator
@inline const MAX_FIELDS: i32 = 24;
// @ts-ignore: decorator
@inline const DOLLAR: u8 = 0x24;
// @ts-ignore: decorator
@inline const STAR: u8 = 0x2a;
// @ts-ignore: decorator
@inline const COMMA: u8 = 0x2c;
// @ts-ignore: decorator
@inline const INVALID: i64 = i64.MIN_VALUE;

export class NmeaParser {
  // The latest fix.
  hasPosition: bool = false;
  latitudeE7: i32 = 0;
  longitudeE7: i32 = 0;
  /** GGA fix quality: 0 none, 1 GPS, 2 DGPS, … */
  quality: i32 = 0;
  satellites: i32 = 0;
  altitudeMm: i32 = 0;
  /** RMC status: true for A (valid), false for V. */
  valid: bool = false;
  speedMilliKnots: i32 = 0;
  courseCentiDeg: i32 = 0;
  timeMs: i32 = 0;
  year: i32 = 0;
  month: i32 = 0;
  day: i32 = 0;

  // Counters.
  sentences: u32 = 0;
  badChecksums: u32 = 0;
  malformed: u32 = 0;
  ignored: u32 = 0;

  private buf: StaticArray<u8> = newStaticArray<u8>(MAX_SENTENCE);
  private length: i32 = 0;
  private inSentence: bool = false;
  private fieldStart: StaticArray<i32> = newStaticArray<i32>(MAX_FIELDS);
  private fieldEnd: StaticArray<i32> = newStaticArray<i32>(MAX_FIELDS);
  private fields: i32 = 0;

  /** Feeds one byte; the kind of sentence it completed and applied, or NONE. */
  feed(b: u8): i32 {
    if (b == DOLLAR) {
      if (this.inSentence) this.malformed++; // cut short by a new sentence
      this.inSentence = true;
      this.length = 0;
      return NmeaSentence.NONE;
    }
    if (!this.inSentence) return NmeaSentence.NONE;
    if (b == 0x0d || b == 0x0a) {
      this.inSentence = false;
      return this.finish();
    }
    if (this.length == MAX_SENTENCE) {
      this.inSentence = false;
      this.malformed++;
      return NmeaSentence.NONE;
    }
    unchecked((this.buf[this.length] = b)); // length < MAX_SENTENCE, checked above
    this.length++;
    return NmeaSentence.NONE;
  }

  /** Checks and applies the sentence in `buf[0, length)` (between `$` and the line end). */
  private finish(): i32 {
    const length = this.length;
    const star = length - 3;
    if (star < 0 || this.buf[star] != STAR) {
      this.malformed++;
      return NmeaSentence.NONE;
    }
    const high = hexValue(this.buf[star + 1]);
    const low = hexValue(this.buf[star + 2]);
    if (high < 0 || low < 0) {
      this.malformed++;
      return NmeaSentence.NONE;
    }
    let sum = 0;
    for (let i = 0; i < star; i++) sum ^= <i32>unchecked(this.buf[i]); // i < star < length
    if (sum != ((high << 4) | low)) {
      this.badChecksums++;
      return NmeaSentence.NONE;
    }
    this.split(star);
    // Field 0 is the address: 2 talker letters and the 3-letter type.
    if (this.fieldEnd[0] - this.fieldStart[0] != 5) {
      this.malformed++;
      return NmeaSentence.NONE;
    }
    const t = this.fieldStart[0] + 2;
    const kind = this.typeAt(t);
    let ok: bool = false;
    if (kind == NmeaSentence.GGA) ok = this.applyGga();
    else if (kind == NmeaSentence.RMC) ok = this.applyRmc();
    else {
      this.ignored++;
      return NmeaSentence.NONE;
    }
    if (!ok) {
      this.malformed++;
      return NmeaSentence.NONE;
    }
    this.sentences++;
    return kind;
  }

  private typeAt(t: i32): i32 {
    const a = this.buf[t], b = this.buf[t + 1], c = this.buf[t + 2];
    if (a == 0x47 && b == 0x47 && c == 0x41) return NmeaSentence.GGA; // "GGA"
    if (a == 0x52 && b == 0x4d && c == 0x43) return NmeaSentence.RMC; // "RMC"
    return NmeaSentence.NONE;
  }

  private split(end: i32): void {
    this.fields = 0;
    let start = 0;
    for (let i = 0; i <= end && this.fields < MAX_FIELDS; i++) {
      if (i == end || this.buf[i] == COMMA) {
        unchecked((this.fieldStart[this.fields] = start)); // fields < MAX_FIELDS, checked by the loop
        unchecked((this.fieldEnd[this.fields] = i)); // same index as above
        this.fields++;
        start = i + 1;
      }
    }
  }

  // $GPGGA,hhmmss.ss,ddmm.mmmm,N,dddmm.mmmm,E,q,ss,hdop,alt,M,geoid,M,age,station
  private applyGga(): bool {
    if (this.fields < 10) return false;
    const time = this.time(1);
    const quality = this.decimal(6, 0);
    const satellites = this.fieldLength(7) == 0 ? 0 : this.decimal(7, 0);
    if (time == INVALID || quality == INVALID || satellites == INVALID) return false;
    if (!this.position(2)) return false;
    if (time >= 0) this.timeMs = <i32>time;
    this.quality = <i32>quality;
    this.satellites = <i32>satellites;
    const altitude = this.decimal(9, 3);
    if (altitude != INVALID) this.altitudeMm = <i32>altitude;
    return true;
  }

  // $GPRMC,hhmmss.ss,A,ddmm.mmmm,N,dddmm.mmmm,E,knots,course,ddmmyy,magvar,E[,mode]
  private applyRmc(): bool {
    if (this.fields < 10) return false;
    const time = this.time(1);
    const date = this.fieldLength(9) == 0 ? 0 : this.decimal(9, 0);
    if (time == INVALID || date == INVALID) return false;
    if (this.fieldLength(2) != 1) return false;
    if (!this.position(3)) return false;
    if (time >= 0) this.timeMs = <i32>time;
    this.valid = this.buf[this.fieldStart[2]] == 0x41; // 'A'
    const speed = this.decimal(7, 3);
    const course = this.decimal(8, 2);
    this.speedMilliKnots = speed == INVALID ? 0 : <i32>speed;
    this.courseCentiDeg = course == INVALID ? 0 : <i32>course;
    if (this.fieldLength(9) == 6) {
      const d = <i32>date;
      this.day = d / 10000;
      this.month = (d / 100) % 100;
      const yy = d % 100;
      this.year = yy >= 80 ? 1900 + yy : 2000 + yy; // NMEA's two-digit year: 1980–2079
    }
    return true;
  }

  /** Fields `i` (ddmm.mmmm), `i+1` (N/S), `i+2` (dddmm.mmmm), `i+3` (E/W); empty fields mean no fix. */
  private position(i: i32): bool {
    if (this.fieldLength(i) == 0 && this.fieldLength(i + 2) == 0) {
      this.hasPosition = false;
      return true;
    }
    const lat = this.angle(i, 2, 0x4e, 0x53); // N, S
    const lon = this.angle(i + 2, 3, 0x45, 0x57); // E, W
    if (lat == INVALID || lon == INVALID || lat > 900_000_000 || lat < -900_000_000) return false;
    if (lon > 1_800_000_000 || lon < -1_800_000_000) return false;
    this.latitudeE7 = <i32>lat;
    this.longitudeE7 = <i32>lon;
    this.hasPosition = true;
    return true;
  }

  /** Degrees × 10^7 from `d…dmm.mmmm` (field i, `degreeDigits` degree digits) and a hemisphere letter (field i+1). */
  private angle(i: i32, degreeDigits: i32, positive: u8, negative: u8): i64 {
    const minutesE7 = this.decimal(i, 7); // dddmm.mmmmmmm as an integer × 10^7
    if (minutesE7 == INVALID || this.fieldLength(i + 1) != 1) return INVALID;
    const dot = this.indexOf(i, 0x2e);
    if ((dot < 0 ? this.fieldEnd[i] : dot) - this.fieldStart[i] != degreeDigits + 2) return INVALID;
    const degrees = minutesE7 / 1_000_000_000; // the digits above mm
    const minutes = minutesE7 % 1_000_000_000; // mm.mmmmmmm × 10^7
    if (minutes >= 600_000_000) return INVALID;
    let value = degrees * 10_000_000 + (minutes + 30) / 60; // rounded to the nearest 10^-7 degree
    const h = this.buf[this.fieldStart[i + 1]];
    if (h == negative) value = -value;
    else if (h != positive) return INVALID;
    return value;
  }

  /** `hhmmss[.sss]` of field i as ms since midnight; -1 when empty (time not known yet). */
  private time(i: i32): i64 {
    if (this.fieldLength(i) == 0) return -1;
    const t = this.decimal(i, 3); // hhmmss × 1000
    if (t == INVALID || this.fieldLength(i) < 6) return INVALID;
    const ms = t % 100_000; // ss.sss × 1000
    const hhmm = t / 100_000;
    const minutes = hhmm % 100;
    const hours = hhmm / 100;
    if (hours > 23 || minutes > 59 || ms >= 61_000) return INVALID;
    return (hours * 60 + minutes) * 60_000 + ms;
  }

  /**
   * Field i as a non-negative (or `-`-signed) decimal × 10^`decimals`
   * (extra digits are cut, missing ones are zeros); INVALID when empty or
   * not a number.
   */
  private decimal(i: i32, decimals: i32): i64 {
    let p = this.fieldStart[i];
    const end = this.fieldEnd[i];
    if (p == end) return INVALID;
    const negative = this.buf[p] == 0x2d; // '-'
    if (negative) p++;
    let value: i64 = 0;
    let digits = 0;
    let fraction = -1; // digits after the point, -1 before it
    for (; p < end; p++) {
      const b = <i32>unchecked(this.buf[p]); // p < fieldEnd <= length
      if (b == 0x2e && fraction < 0) {
        fraction = 0;
        continue;
      }
      const d = b - 0x30;
      if (d < 0 || d > 9) return INVALID;
      if (fraction >= decimals) continue; // beyond the precision kept
      if (++digits > 17) return INVALID; // would overflow i64
      value = value * 10 + d;
      if (fraction >= 0) fraction++;
    }
    if (digits == 0) return INVALID;
    for (let f = fraction < 0 ? 0 : fraction; f < decimals; f++) value *= 10;
    return negative ? -value : value;
  }

  private fieldLength(i: i32): i32 {
    return this.fieldEnd[i] - this.fieldStart[i];
  }

  private indexOf(i: i32, b: u8): i32 {
    for (let p = this.fieldStart[i], end = this.fieldEnd[i]; p < end; p++) {
      if (this.buf[p] == b) return p;
    }
    return -1;
  }
}

function hexValue(b: u8): i32 {
  if (b >= 0x30 && b <= 0x39) return <i32>b - 0x30;
  if (b >= 0x41 && b <= 0x46) return <i32>b - 0x37;
  if (b >= 0x61 && b <= 0x66) return <i32>b - 0x57;
  return -1;
}
