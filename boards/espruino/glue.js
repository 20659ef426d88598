// Outpost ABI v1 (boards/ABI.md) on Espruino's API: the host side that the
// translated firmware calls, and the loop that calls the firmware.
//
// Who uses it: `outpost build --board <espruino board>` appends it to the
// translated firmware (src/toolchain/espruino/bundle.ts), after a board
// table that defines
//   G_pin(n)   the Espruino pin of ABI pin n (board.json "pins"), or undefined
//   G_uart(p)  by ABI port: [serial object, tx pin number or -1, rx pin
//              number or -1, RX buffer bytes, TX FIFO bytes], or undefined
// and the firmware's exports (outpost_*) and its memory (HEAPU8). Every
// name here is shortened at build time; keep to the Espruino subset (var,
// function, no labels, no hoisting: declare before use) — the build's
// checker rejects the rest. Few functions, few calls: on Espruino each
// function costs JsVars and each call microseconds.
//
// Invariants:
// - Every callback from Espruino enters through G_go, which delivers its
//   event, runs the firmware (G_run) and catches what it throws. A panic or
//   trap stops everything for good (G_fail); nothing calls in afterwards.
// - One timer (G_timer), at the earliest of the deadline outpost_poll
//   returned and the moments the TX lines drain (UART_TX is delivered at
//   that moment, with that time, before the next poll).
// - Times are µs since this file started (ABI time 0); i64 values cross as
//   a low int32 and outpost_hi.
// - Bytes are never taken from a string by index or added to one with +=:
//   on Espruino builds with Unicode support both turn bytes ≥ 0x80 into
//   UTF-8. Received data is kept as the strings Espruino delivered and
//   copied into memory with E.toUint8Array; writes and text go out of
//   memory as Uint8Array views.
// - RX: a port holds up to its board's buffer size (board.json `rxFifo`)
//   until the firmware reads it; a byte beyond that is lost with one
//   UART_ERROR overrun, as on every host. One UART_RX per chunk received.
// - TX accepts what the board's TX FIFO holds; the line drains at the
//   port's baud (8N1, 10 bits a byte), as the simulator's UART model does,
//   so both hosts give the firmware the same answers.

var outpost_hi = 0;
var G_stop = 0;
var G_timer;
var G_at = -1;
var G_report;
var G_t0 = getTime();
var G_pins = [];
var G_watch = [];
var G_ports = [];

function G_now() {
  return Math.round((getTime() - G_t0) * 1e6);
}

function now_us() {
  var t = G_now();
  outpost_hi = t > 4294967295 ? Math.floor(t / 4294967296) : 0;
  return t | 0;
}

function G_str(ptr, len) {
  return E.toString(new Uint8Array(HEAPU8.buffer, ptr, len));
}

// Every callback: kind 0 the timer, 1 a GPIO edge (a: arg, b: e.time),
// 2 data (a: port, b: the string), 3 a framing error (a: port).
function G_go(kind, a, b) {
  if (G_stop) return;
  try {
    var at = kind == 1 ? Math.round((b - G_t0) * 1e6) : G_now();
    var hi = at > 4294967295 ? Math.floor(at / 4294967296) : 0;
    var p = G_ports[a];
    var n, keep;
    if (kind == 0) G_timer = undefined;
    else if (kind == 1) outpost_event(1, a, at | 0, hi);
    else if (kind == 3) {
      if (p.l & 4) outpost_event(4, a | 512, at | 0, hi);
    } else if (kind == 2) {
      n = b.length;
      keep = Math.min(n, p.cap - p.n);
      if (keep > 0) {
        p.q.push(keep < n ? b.substr(0, keep) : b);
        p.n += keep;
        if (p.l & 1) outpost_event(2, a, at | 0, hi);
      }
      if (p.l & 4) for (; keep < n; keep++) outpost_event(4, a | 256, at | 0, hi);
    }
    G_run();
  } catch (e) {
    G_fail(e);
  }
}

// Delivers the TX drains that are due, polls until no task is ready (at
// most 8 times in a row, then lets Espruino run), and sets the one timer.
function G_run() {
  var d, now, i, p, w;
  var n = 0;
  do {
    now = G_now();
    for (i = 0; i < G_ports.length; i++) {
      p = G_ports[i];
      if (p && p.d >= 0 && p.d <= now) {
        w = p.d;
        p.d = -1;
        if (p.l & 2) outpost_event(3, i, w | 0, w > 4294967295 ? Math.floor(w / 4294967296) : 0);
      }
    }
    d = outpost_poll();
    d = outpost_hi * 4294967296 + (d >>> 0);
  } while (!G_stop && d >= 0 && d <= G_now() && ++n < 8);
  if (G_stop) return;
  w = d;
  for (i = 0; i < G_ports.length; i++) {
    p = G_ports[i];
    if (p && p.d >= 0 && (w < 0 || p.d < w)) w = p.d;
  }
  if (w == G_at && G_timer !== undefined) return;
  if (G_timer !== undefined) clearTimeout(G_timer);
  G_timer = undefined;
  G_at = w;
  if (w >= 0) G_timer = setTimeout(G_go, Math.max(0, w - G_now()) / 1000, 0);
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

function G_fault(call, port) {
  throw new Error(call + " on port " + port + ", which is not configured");
}

// ── GPIO ────────────────────────────────────────────────────────────────

function gpio_configure(pin, mode) {
  var p = G_pin(pin);
  if (p === undefined) return -1;
  if (mode < 0 || mode > 3) return -5;
  if (G_pins[pin] !== undefined) return -2;
  G_pins[pin] = p;
  try {
    pinMode(p, ["input", "output", "input_pullup", "input_pulldown"][mode], false);
  } catch (e) {} // a pin Espruino draws rather than drives (Bangle.js 2's LEDs) has no mode
  if (mode == 1) digitalWrite(p, 0);
  return 0;
}

function gpio_write(pin, level) {
  var p = G_pins[pin];
  if (p !== undefined) digitalWrite(p, level ? 1 : 0);
}

function gpio_read(pin) {
  var p = G_pin(pin);
  return p !== undefined && digitalRead(p) ? 1 : 0;
}

function gpio_listen(pin, edges) {
  var p = G_pin(pin);
  if (p === undefined) return;
  if (G_watch[pin] !== undefined) clearWatch(G_watch[pin]);
  G_watch[pin] = undefined;
  if (!(edges & 3)) return;
  G_watch[pin] = setWatch(function (e) {
    G_go(1, pin | (e.state ? 1 : 0) << 16, e.time);
  }, p, { repeat: true, edge: (edges & 3) == 1 ? "rising" : (edges & 3) == 2 ? "falling" : "both", debounce: 0 });
}

// ── UART ────────────────────────────────────────────────────────────────

function uart_configure(port, baud, flags) {
  var u = G_uart(port);
  if (!u) return -3;
  if (baud <= 0 || flags != 0) return -5;
  if (G_ports[port]) return -4;
  if ((u[1] >= 0 && G_pins[u[1]] !== undefined) || (u[2] >= 0 && G_pins[u[2]] !== undefined)) return -2;
  if (u[1] >= 0) {
    G_pins[u[1]] = G_pin(u[1]);
    G_pins[u[2]] = G_pin(u[2]);
    u[0].setup(baud, { tx: G_pins[u[1]], rx: G_pins[u[2]], errors: true });
  }
  // s the device, l the events listened to; RX: q the strings held, n their
  // bytes, cap the most it holds; TX: ts when the current train of bytes
  // started (µs), tn its bytes, b the baud, fifo its size, d when it drains
  // with UART_TX still to deliver (-1: none).
  G_ports[port] = { s: u[0], l: 0, q: [], n: 0, cap: u[3], ts: 0, tn: 0, b: baud, fifo: u[4], d: -1 };
  u[0].on("data", function (d) {
    G_go(2, port, d);
  });
  u[0].on("framing", function () {
    G_go(3, port);
  });
  return 0;
}

function uart_read(port, ptr, len) {
  var p = G_ports[port];
  if (!p) G_fault("uart_read", port);
  var m = 0;
  var s, k;
  while (m < len && p.q.length) {
    s = p.q[0];
    k = Math.min(len - m, s.length);
    HEAPU8.set(E.toUint8Array(k < s.length ? s.substr(0, k) : s), ptr + m);
    m += k;
    if (k < s.length) p.q[0] = s.substr(k);
    else p.q.shift();
  }
  p.n -= m;
  return m;
}

function uart_write(port, ptr, len) {
  var p = G_ports[port];
  if (!p) G_fault("uart_write", port);
  var now = G_now();
  // A line that has drained starts a new train of bytes; of the current one, what is on the wire has left the FIFO.
  if (now > p.ts + Math.ceil(p.tn * 1e7 / p.b)) {
    p.ts = now;
    p.tn = 0;
  }
  var n = Math.min(len, p.fifo - p.tn + Math.min(p.tn, Math.floor((now - p.ts) * p.b / 1e7)));
  if (n <= 0) return 0;
  p.s.write(new Uint8Array(HEAPU8.buffer, ptr, n));
  p.tn += n;
  while (p.tn >= p.b) {
    p.ts += 1e7;
    p.tn -= p.b;
  }
  if (p.l & 2) p.d = p.ts + Math.ceil(p.tn * 1e7 / p.b);
  return n;
}

function uart_listen(port, events) {
  var p = G_ports[port];
  if (!p) G_fault("uart_listen", port);
  p.l = events;
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
  try {
    var v = outpost_abi_version();
    if (v != 1) {
      G_stop = 1;
      console.log("firmware speaks ABI v" + v + ", this host speaks ABI v1: rebuild the firmware with this Outpost version");
      return;
    }
    outpost_init();
    G_run();
  } catch (e) {
    G_fail(e);
  }
}
