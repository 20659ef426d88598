/** examples/gps-logger: NMEA from a GPS on UART1, fixes printed on UART0. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { playGps } from "../../sim/gps.ts";
import { boot, byteArrival, logLines } from "../hal/support.ts";

test("fixes are printed as they arrive; bad checksums are counted and skipped", async () => {
  const sim = await boot("examples/gps-logger/main.ts");
  const sent = playGps(
    sim.uart("UART1"),
    [
      { lat: 48.1173, lon: 11.516667, altitude: 545.4, satellites: 8, speedKnots: 22.4, courseDeg: 84.4 },
      {},
      { lat: -33.8688, lon: 151.2093, badChecksum: true },
      { lat: -33.8688, lon: -151.2093, altitude: 58 },
    ],
    { at: "100ms", utc: "1994-03-23T12:35:19Z" },
  );
  sim.runFor("4s");
  assert.is(
    sim.uart("UART0").output,
    "GGA 12:35:19.000 48.1173000 11.5166667 alt 545.400 m sats 8 quality 1\r\n" +
      "RMC 1994-03-23 12:35:19.000 48.1173000 11.5166667 22.400 kn 84.40 deg\r\n" +
      "GGA 12:35:20.000 no fix sats 0\r\n" +
      "RMC 1994-03-23 12:35:20.000 no fix\r\n" +
      "bad checksum (2 so far)\r\n" +
      "GGA 12:35:22.000 -33.8688000 -151.2093000 alt 58.000 m sats 8 quality 1\r\n" +
      "RMC 1994-03-23 12:35:22.000 -33.8688000 -151.2093000 0.000 kn 0.00 deg\r\n",
  );
  // The first line goes out as soon as the first GGA's CR has landed at 9600 baud.
  const ggaEnd = byteArrival(100_000, sent[0]!.length - 1, 9600);
  assert.is(sim.uart("UART0").txLog[0]!.at, byteArrival(ggaEnd, 1));
  assert.equal(logLines(sim), ["0 gps-logger: NMEA on UART1 at 9600 baud, fixes on UART0"]);
  assert.is(sim.panic, null);
});

test.run();
