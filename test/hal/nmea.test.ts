/**
 * NMEA-0183 parsing (hal/drivers/nmea.ts) and the Gps stream
 * (hal/drivers/gps.ts), through test/firmware/hal-nmea.ts, which prints the
 * parser's fixed-point fields for every sentence it applied. Sentences come
 * from the simulated receiver (sim/gps.ts) or are written out here.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { nmeaSentence, playGps } from "../../sim/gps.ts";
import { boot } from "./support.ts";

const FIRMWARE = "test/firmware/hal-nmea.ts";

async function parse(text: string): Promise<string[]> {
  const sim = await boot(FIRMWARE);
  sim.uart("UART1").send(text, { at: 1000, baud: 9600 });
  sim.runFor(`${Math.ceil(text.length * 1.05) + 20}ms`);
  assert.is(sim.panic, null);
  return sim.uart("UART0").output.split("\r\n").filter((l) => l.length > 0);
}

test("GGA and RMC from the simulated receiver decode to exact fixed-point values", async () => {
  const sim = await boot(FIRMWARE);
  const sent = playGps(
    sim.uart("UART1"),
    [{ lat: 48.1173, lon: 11.516667, altitude: 545.4, satellites: 8, speedKnots: 22.4, courseDeg: 84.4 }],
    { at: "10ms", utc: "1994-03-23T12:35:19Z" },
  );
  assert.equal(sent, [
    "$GPGGA,123519.00,4807.0380,N,01131.0000,E,1,08,0.9,545.4,M,46.9,M,,*69\r\n",
    "$GPRMC,123519.00,A,4807.0380,N,01131.0000,E,022.4,084.4,230394,,,A*52\r\n",
  ]);
  sim.runFor("1s");
  const t = (12 * 3600 + 35 * 60 + 19) * 1000;
  // 48°07.0380' = 48 + 7.038/60 = 48.1173°; 11°31.0000' = 11.516666…° → rounded to 11.5166667°
  assert.equal(sim.uart("UART0").output.split("\r\n").filter(Boolean), [
    `GGA t=${t} pos=1 lat=481173000 lon=115166667 alt=545400 sats=8 q=1 | bad=0 malformed=0 ignored=0`,
    `RMC t=${t} pos=1 lat=481173000 lon=115166667 valid=1 speed=22400 course=8440 date=1994-3-23 | bad=0 malformed=0 ignored=0`,
  ]);
});

test("south and west are negative; other talkers and lowercase checksums are accepted", async () => {
  const lines = await parse(
    nmeaSentence("GNGGA,000001.5,3352.1280,S,15112.5580,W,2,12,0.8,-12.25,M,,M,,").replace(/\*(..)/, (_m, h: string) => `*${h.toLowerCase()}`),
  );
  assert.equal(lines, ["GGA t=1500 pos=1 lat=-338688000 lon=-1512093000 alt=-12250 sats=12 q=2 | bad=0 malformed=0 ignored=0"]);
});

test("bad checksums are counted and skipped; the sentences around them still count", async () => {
  const good = nmeaSentence("GPGGA,101010,0100.0000,N,00200.0000,E,1,05,1.0,10.0,M,,M,,");
  const bad = nmeaSentence("GPGGA,111111,0100.0000,N,00200.0000,E,1,05,1.0,10.0,M,,M,,", true);
  const lines = await parse(good + bad + bad + good);
  assert.equal(lines, [
    "GGA t=36610000 pos=1 lat=10000000 lon=20000000 alt=10000 sats=5 q=1 | bad=0 malformed=0 ignored=0",
    "GGA t=36610000 pos=1 lat=10000000 lon=20000000 alt=10000 sats=5 q=1 | bad=2 malformed=0 ignored=0",
  ]);
});

test("malformed sentences and other types are counted, never applied", async () => {
  const lines = await parse(
    nmeaSentence("GPGSV,3,1,11,03,03,111,00,04,15,270,00,06,01,010,00,13,06,292,00") + // another type: ignored
      "$GPGGA,101010,0100.0000,N,00200.0000,E,1,05,1.0,10.0,M,,M,,\r\n" + // no checksum
      "$GPGGA,101010,0100.0000,N,00200.0000,E,1,05,1.0,10.0,M,,M,,*ZZ\r\n" + // not hex
      "$GPGGA,1010" + // cut short by the next `$`
      nmeaSentence("GPGGA,101010,0100.0000,N,00200.0000,E,1,05,1.0,10.0,M,,M,," + ",".repeat(30)) + // longer than 82 bytes
      nmeaSentence("GPGGA,101010,0160.0000,N,00200.0000,E,1,05,1.0,10.0,M,,M,,") + // 60 minutes
      nmeaSentence("GPRMC,235959.99,A,0000.0001,N,00000.0001,E,0.5,359.99,311280,,,A"),
  );
  assert.equal(lines, [
    "RMC t=86399990 pos=1 lat=17 lon=17 valid=1 speed=500 course=35999 date=1980-12-31 | bad=0 malformed=5 ignored=1",
  ]);
});

test("a receiver without a fix: empty position and quality 0, status V", async () => {
  const lines = await parse(
    nmeaSentence("GPGGA,120000.00,,,,,0,00,,,M,,M,,") + nmeaSentence("GPRMC,120000.00,V,,,,,,,010124,,,N"),
  );
  assert.equal(lines, [
    "GGA t=43200000 pos=0 lat=0 lon=0 alt=0 sats=0 q=0 | bad=0 malformed=0 ignored=0",
    "RMC t=43200000 pos=0 lat=0 lon=0 valid=0 speed=0 course=0 date=2024-1-1 | bad=0 malformed=0 ignored=0",
  ]);
});

test.run();
