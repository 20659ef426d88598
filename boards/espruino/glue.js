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
var G_t = 0; // µs when this entry (or its last poll) read the clock
var G_d = -1; // the deadline the last poll returned
var G_timer;
var G_at = -1;
var G_report;
var G_t0 = getTime();
var G_pins = [];
var G_watch = [];
var G_ports = [];

// The clock is read where it is needed (no G_now function: on Espruino a
// function costs JsVars as long as it exists, and each call microseconds).
function now_us() {
  var t = Math.round((getTime() - G_t0) * 1e6);
  outpost_hi = t > 4294967295 ? Math.floor(t / 4294967296) : 0;
  return t | 0;
}

// Firmware text (a log line, a panic's message or file, a task name) as the
// bytes to print: UTF-8 stays as it is; the tags of a deferred-text build
// (boards/ABI.md) are expanded: 0xFF and a u16, a literal of the build's
// table (G_lit); 0xFE, a u16 n and n UTF-16 code units, that string as
// UTF-8; 0xFD and 8 bytes, a signed integer in decimal. A tag cut by the end
// of the text is dropped, a cut string keeps its whole code units.
function G_text(ptr, len) {
  var b = new Uint8Array(HEAPU8.buffer, ptr, len);
  var out = "";
  var s = 0;
  var i, t, k, e, c, lo, hi, neg, digits, r;
  for (i = 0; i < len; i++) {
    t = b[i];
    if (t < 253) continue;
    if (i > s) out += E.toString(b.subarray(s, i));
    s = len;
    if (i + (t == 253 ? 9 : 3) > len) break;
    k = b[i + 1] | b[i + 2] << 8;
    if (t == 255) {
      out += G_lit(k);
      s = i + 3;
      i = s - 1;
    } else if (t == 254) {
      s = Math.min(i + 3 + 2 * k, len);
      for (e = i + 3; e + 1 < s; e += 2) {
        c = b[e] | b[e + 1] << 8;
        if (c >= 55296 && c < 57344) {
          k = e + 3 < s ? b[e + 2] | b[e + 3] << 8 : 0;
          if (c < 56320 && k >= 56320 && k < 57344) {
            c = 65536 + (c - 55296) * 1024 + k - 56320;
            e += 2;
          } else c = 65533;
        }
        out += c < 128 ? String.fromCharCode(c)
          : c < 2048 ? String.fromCharCode(192 | c >> 6, 128 | c & 63)
          : c < 65536 ? String.fromCharCode(224 | c >> 12, 128 | c >> 6 & 63, 128 | c & 63)
          : String.fromCharCode(240 | c >> 18, 128 | c >> 12 & 63, 128 | c >> 6 & 63, 128 | c & 63);
      }
      i = s - 1;
    } else {
      // Two's complement in two 32-bit halves; digits by long division, exact beyond 2^53.
      lo = (b[i + 1] | b[i + 2] << 8 | b[i + 3] << 16 | b[i + 4] << 24) >>> 0;
      hi = (b[i + 5] | b[i + 6] << 8 | b[i + 7] << 16 | b[i + 8] << 24) >>> 0;
      neg = hi >= 2147483648;
      if (neg) {
        lo = 4294967296 - lo;
        hi = 4294967295 - hi + (lo == 4294967296 ? 1 : 0);
        lo = lo % 4294967296;
      }
      digits = "";
      do {
        r = hi % 10;
        hi = Math.floor(hi / 10);
        r = r * 4294967296 + lo;
        lo = Math.floor(r / 10);
        digits = String.fromCharCode(48 + r % 10) + digits;
      } while (hi || lo);
      out += (neg ? "-" : "") + digits;
      s = i + 9;
      i = s - 1;
    }
  }
  return s < len ? out + E.toString(b.subarray(s, len)) : out;
}

// Every callback: kind 0 the timer, 1 a GPIO edge (a: arg, b: e.time),
// 2 data (a: port, b: the string), 3 a framing error (a: port).
function G_go(kind, a, b) {
  if (G_stop) return;
  try {
    var at = G_t = Math.round((getTime() - G_t0) * 1e6);
    var p = G_ports[a];
    var hi = 0;
    var n, keep;
    if (kind == 1) at = Math.round((b - G_t0) * 1e6);
    if (at > 4294967295) hi = Math.floor(at / 4294967296);
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
// A poll is skipped when no task is ready and no deadline has come
// (outpost_ready): it would only return the deadline it returned before.
function G_run() {
  var i, p, w;
  var n = 0;
  var d = G_d;
  do {
    for (i = 0; i < G_ports.length; i++) {
      p = G_ports[i];
      if (p && p.d >= 0 && p.d <= G_t) {
        w = p.d;
        p.d = -1;
        if (p.l & 2) outpost_event(3, i, w | 0, w > 4294967295 ? Math.floor(w / 4294967296) : 0);
      }
    }
    if ((d < 0 || d > G_t) && !outpost_ready()) break;
    d = outpost_poll();
    d = G_d = outpost_hi * 4294967296 + (d >>> 0);
    G_t = Math.round((getTime() - G_t0) * 1e6);
  } while (!G_stop && d >= 0 && d <= G_t && ++n < 8);
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
  if (w >= 0) G_timer = setTimeout(G_go, Math.max(0, w - G_t) / 1000, 0);
}

function G_fail(e) {
  G_stop = 1;
  clearTimeout();
  clearWatch();
  var r = G_report;
  var name = "";
  var chain = "";
  var t, n, ids, i;
  try {
    t = r ? r[1] : outpost_current_task();
    if (t >= 0) {
      name = G_text(outpost_scratch(), outpost_task_name(t));
      // The await chain (boards/ABI.md) as site ids, outermost first, read
      // after the name (both are written at outpost_scratch); `outpost
      // decode` and the simulator name each site from <firmware>.sites.json.
      // The arrow is built from its UTF-8 bytes, as G_text builds text.
      n = outpost_task_chain(t);
      ids = new Int32Array(HEAPU8.buffer, outpost_scratch(), n > 0 ? n : 0);
      for (i = 0; i < ids.length; i++) chain += " " + String.fromCharCode(226, 134, 146) + " await site " + ids[i];
    }
  } catch (x) {}
  if (r) console.log("PANIC " + r[0] + ' "' + name + '" ' + r[3] + ":" + r[4] + ":" + r[5] + ": " + r[2]);
  else console.log('TRAP "' + name + '": ' + (e && e.message));
  if (chain) console.log('    await chain: task "' + name + '"' + chain);
}

// A host rule broken (boards/ABI.md: a pin or port used before it is
// configured): the running task stops with a PERIPHERAL panic (code 5), in
// the words of every host but with the pin or port named by number (the
// board's names would cost JsVars here; the simulated Espruino host says
// them as outpost sim does).
function G_rule(call, what, n) {
  G_report = [5, outpost_current_task(), call + " on " + what + " " + n + ", which is not configured: call " + (what == "pin" ? "gpio" : "uart") + "_configure first", "", 0, 0];
  throw 0;
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
  if (p === undefined) G_rule("gpio_write", "pin", pin);
  digitalWrite(p, level ? 1 : 0);
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
  // RX: q the strings held, n their bytes, cap the most it holds; d when
  // the TX line drains with UART_TX still to deliver (-1: none); l the
  // events listened to; TX: ts when the current train of bytes started
  // (µs), tn its bytes, b the baud, fifo its size; s the device. Most used
  // first: Espruino finds a property by walking them in order.
  G_ports[port] = { q: [], n: 0, d: -1, l: 0, ts: 0, tn: 0, b: baud, fifo: u[4], s: u[0], cap: u[3] };
  u[0].on("data", function (d) {
    G_go(2, port, d);
  });
  u[0].on("framing", function () {
    G_go(3, port);
  });
  // The handlers keep this call's variables as long as they live: not the board's table.
  u = undefined;
  return 0;
}

function uart_read(port, ptr, len) {
  var p = G_ports[port];
  if (!p) G_rule("uart_read", "port", port);
  if (!p.n) return 0;
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
  if (!p) G_rule("uart_write", "port", port);
  var now = G_t;
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
  if (!p) G_rule("uart_listen", "port", port);
  p.l = events;
}

// ── Log and panic ───────────────────────────────────────────────────────
// Rarely called, so their parameters are read from `arguments`: a declared
// parameter costs a JsVar for as long as the function exists.

// log(level, ptr, len)
function log() {
  var a = arguments;
  console.log((["error", "warn", "info", "debug"][a[0] - 1] || "level " + a[0]) + ": " + G_text(a[1], a[2]));
}

// panic(code, task, msg, msgLen, file, fileLen, line, column)
function panic() {
  var a = arguments;
  G_report = [a[0], a[1], G_text(a[2], a[3]), G_text(a[4], a[5]), a[6], a[7]];
}

// ── Start ───────────────────────────────────────────────────────────────
// A statement, not a function: it runs once and keeps nothing.

try {
  if (outpost_abi_version() != 1) {
    G_stop = 1;
    console.log("firmware speaks ABI v" + outpost_abi_version() + ", this host speaks ABI v1: rebuild the firmware with this Outpost version");
  } else {
    outpost_init();
    G_t = Math.round((getTime() - G_t0) * 1e6);
    G_run();
  }
} catch (e) {
  G_fail(e);
}
