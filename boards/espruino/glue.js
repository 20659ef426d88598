// Outpost ABI v1 (boards/ABI.md) on Espruino's API: the host side that the
// translated firmware calls, and the loop that calls the firmware.
//
// Who uses it: `outpost build --board <espruino board>` appends it to the
// translated firmware (src/toolchain/espruino/bundle.ts), after a board
// table that defines
//   PINS   Espruino pin by ABI pin number (board.json "pins")
//   UARTS  by ABI port: [serial object, tx pin number or -1, rx pin number
//          or -1, RX FIFO bytes, TX FIFO bytes]
// and the firmware's exports (outpost_*), its start function
// (outpost_start) and its memory (HEAPU8). Every name here is shortened at
// build time; keep to the Espruino subset (var, function, no labels, no
// hoisting: declare before use) — the build's checker rejects the rest.
//
// Invariants:
// - The firmware runs only from G_run, which one timer (G_timer) schedules:
//   at the deadline outpost_poll returned, or at once (G_kick) after an
//   event. Events that arrive together are all delivered before one poll.
// - After a panic or trap (G_stop) nothing calls into the firmware again.
// - Times are µs since this file started (ABI time 0); i64 values cross as
//   a low int32 and outpost_hi.
// - RX bytes wait in a per-port FIFO of the board's depth; TX accepts what
//   the board's TX FIFO holds and reports UART_TX when the line, timed at
//   the port's baud (8N1, 10 bits a byte), has sent it all — as the
//   simulator's UART model does, so both hosts give the firmware the same
//   answers.

var outpost_hi = 0;
var G_stop = 0;
var G_timer;
var G_report;
var G_t0 = getTime();
var G_claimed = new Uint8Array(PINS.length);
var G_watch = [];
var G_rx = [];
var G_tx = [];
var G_listen = [];

function G_us(t) {
  return Math.round((t - G_t0) * 1e6);
}

function G_now() {
  return G_us(getTime());
}

function now_us() {
  var t = G_now();
  outpost_hi = Math.floor(t / 4294967296);
  return t | 0;
}

function G_str(ptr, len) {
  var s = "";
  for (var i = 0; i < len; i++) s += String.fromCharCode(HEAPU8[ptr + i]);
  return s;
}

// Calls a firmware export; a panic or trap stops the firmware for good.
function G_call(f, a, b, c, d) {
  if (G_stop) return -1;
  var r;
  try {
    r = f(a, b, c, d);
  } catch (e) {
    G_fail(e);
    return -1;
  }
  if (G_report) G_fail();
  return r;
}

function G_fail(e) {
  G_stop = 1;
  clearTimeout();
  clearWatch();
  var r = G_report;
  var name = "";
  try {
    var t = r ? r[1] : outpost_current_task();
    if (t >= 0) name = G_str(outpost_scratch(), outpost_task_name(t));
  } catch (x) {}
  if (r) console.log("PANIC " + r[0] + ' "' + name + '" ' + r[3] + ":" + r[4] + ":" + r[5] + ": " + r[2]);
  else console.log('TRAP "' + name + '": ' + (e && e.message));
}

function G_event(source, arg, at) {
  G_call(outpost_event, source, arg, at | 0, Math.floor(at / 4294967296));
}

function G_run() {
  G_timer = undefined;
  var d;
  var n = 0;
  do {
    d = G_call(outpost_poll);
    d = outpost_hi * 4294967296 + (d >>> 0);
  } while (!G_stop && d >= 0 && d <= G_now() && ++n < 8);
  if (G_stop || d < 0) return;
  G_timer = setTimeout(G_run, Math.max(0, d - G_now()) / 1000);
}

function G_kick() {
  if (G_stop) return;
  if (G_timer !== undefined) clearTimeout(G_timer);
  G_timer = setTimeout(G_run, 0);
}

function G_fault(call, port) {
  throw new Error(call + " on port " + port + ", which is not configured");
}

// ── GPIO ────────────────────────────────────────────────────────────────

function gpio_configure(pin, mode) {
  var p = PINS[pin];
  if (p === undefined) return -1;
  if (mode < 0 || mode > 3) return -5;
  if (G_claimed[pin]) return -2;
  G_claimed[pin] = 1;
  try {
    pinMode(p, ["input", "output", "input_pullup", "input_pulldown"][mode], false);
  } catch (e) {}
  if (mode == 1) digitalWrite(p, 0);
  return 0;
}

function gpio_write(pin, level) {
  if (PINS[pin] !== undefined) digitalWrite(PINS[pin], level ? 1 : 0);
}

function gpio_read(pin) {
  return PINS[pin] !== undefined && digitalRead(PINS[pin]) ? 1 : 0;
}

function gpio_listen(pin, edges) {
  var p = PINS[pin];
  if (p === undefined) return;
  if (G_watch[pin] !== undefined) clearWatch(G_watch[pin]);
  G_watch[pin] = undefined;
  if (!(edges & 3)) return;
  G_watch[pin] = setWatch(function (e) {
    G_event(1, pin | (e.state ? 1 : 0) << 16, G_us(e.time));
    G_kick();
  }, p, { repeat: true, edge: (edges & 3) == 1 ? "rising" : (edges & 3) == 2 ? "falling" : "both", debounce: 0 });
}

// ── UART ────────────────────────────────────────────────────────────────

function uart_configure(port, baud, flags) {
  var u = UARTS[port];
  if (!u) return -3;
  if (baud <= 0 || flags != 0) return -5;
  if (G_tx[port]) return -4;
  if ((u[1] >= 0 && G_claimed[u[1]]) || (u[2] >= 0 && G_claimed[u[2]])) return -2;
  if (u[1] >= 0) {
    G_claimed[u[1]] = 1;
    G_claimed[u[2]] = 1;
    u[0].setup(baud, { tx: PINS[u[1]], rx: PINS[u[2]], errors: true });
  }
  G_rx[port] = "";
  G_listen[port] = 0;
  // The TX line: [start of the current train of bytes (µs), bytes in it, baud, drain timer]
  G_tx[port] = [0, 0, baud, undefined];
  u[0].on("data", function (d) {
    G_receive(port, d);
  });
  u[0].on("framing", function () {
    if (G_listen[port] & 4) G_event(4, port | 2 << 8, G_now());
    G_kick();
  });
  return 0;
}

function G_receive(port, d) {
  var at = G_now();
  for (var i = 0; i < d.length; i++) {
    if (G_rx[port].length < UARTS[port][3]) {
      G_rx[port] += d[i];
      if (G_listen[port] & 1) G_event(2, port, at);
    } else if (G_listen[port] & 4) G_event(4, port | 1 << 8, at);
  }
  G_kick();
}

function uart_read(port, ptr, len) {
  var b = G_rx[port];
  if (b === undefined) G_fault("uart_read", port);
  var n = Math.max(0, Math.min(len, b.length));
  for (var i = 0; i < n; i++) HEAPU8[ptr + i] = b.charCodeAt(i);
  G_rx[port] = b.substr(n);
  return n;
}

function uart_write(port, ptr, len) {
  var t = G_tx[port];
  if (t === undefined) G_fault("uart_write", port);
  var now = G_now();
  if (now > t[0] + Math.ceil(t[1] * 1e7 / t[2])) {
    t[0] = now;
    t[1] = 0;
  }
  var n = UARTS[port][4] - t[1] + Math.min(t[1], Math.floor((now - t[0]) * t[2] / 1e7));
  if (n > len) n = len;
  if (n <= 0) return 0;
  UARTS[port][0].write(G_str(ptr, n));
  t[1] += n;
  while (t[1] >= t[2]) {
    t[0] += 1e7;
    t[1] -= t[2];
  }
  var end = t[0] + Math.ceil(t[1] * 1e7 / t[2]);
  if (t[3] !== undefined) clearTimeout(t[3]);
  t[3] = setTimeout(function () {
    t[3] = undefined;
    if (G_listen[port] & 2) G_event(3, port, end);
    G_kick();
  }, (end - now) / 1000);
  return n;
}

function uart_listen(port, events) {
  if (G_tx[port] === undefined) G_fault("uart_listen", port);
  G_listen[port] = events;
}

// ── Log and panic ───────────────────────────────────────────────────────

function log(level, ptr, len) {
  console.log((["error", "warn", "info", "debug"][level - 1] || "level " + level) + ": " + G_str(ptr, len));
}

function panic(code, task, msg, msgLen, file, fileLen, line, column) {
  G_report = [code, task, G_str(msg, msgLen), G_str(file, fileLen), line, column];
}

// ── Start ───────────────────────────────────────────────────────────────

function G_start() {
  G_call(outpost_start);
  var v = G_call(outpost_abi_version);
  if (v != 1) {
    G_stop = 1;
    console.log("firmware speaks ABI v" + v + ", this host speaks ABI v1: rebuild the firmware with this Outpost version");
    return;
  }
  G_call(outpost_init);
  G_run();
}
