// uart-echo written by hand in plain Espruino JavaScript with Outpost's
// semantics, the floor any translation of the firmware could reach on
// Espruino's interpreter (bench/espruino.bench.ts measures it beside the
// translated build and the one-line echo): received data is held until the
// task reads it; the event carries its time (µs since start) and wakes the
// task through a run queue (the board's 64 bytes are held, the rest counted
// as overruns); the task, a state machine, reads at most 32
// bytes into its buffer (a read future that completes at once when bytes
// are held, else parks the task) and writes them out, then reads again. No
// i64 pairs, no linear memory but the buffer, no timer (nothing is due).
// Not part of any build: it shows what a second backend, emitting
// JavaScript from the lowered firmware instead of from its Wasm, could cost.

var T0 = getTime();
var held = [];
var heldBytes = 0;
var overruns = 0;
var queue = [];
var task = { state: 0, queued: 0, parked: 0, at: 0, buf: new Uint8Array(32), n: 0 };

function wake(t) {
  if (!t.queued) {
    t.queued = 1;
    queue.push(t);
  }
}

// The read future: bytes held go into buf, at most its size; 0 while none are.
function read(t) {
  var m = 0;
  var s, k;
  while (m < 32 && held.length) {
    s = held[0];
    k = Math.min(32 - m, s.length);
    t.buf.set(E.toUint8Array(k < s.length ? s.substr(0, k) : s), m);
    m += k;
    if (k < s.length) held[0] = s.substr(k);
    else held.shift();
  }
  heldBytes -= m;
  return m;
}

function poll(t) {
  for (;;) {
    if (t.state == 0) {
      t.n = read(t);
      if (!t.n) {
        t.parked = 1;
        return;
      }
      t.state = 1;
    }
    Serial1.write(new Uint8Array(t.buf.buffer, 0, t.n));
    t.state = 0;
  }
}

Serial1.on("data", function (d) {
  var keep = Math.min(d.length, 64 - heldBytes);
  task.at = Math.round((getTime() - T0) * 1e6);
  if (keep < d.length) overruns += d.length - keep;
  if (keep <= 0) return;
  held.push(keep < d.length ? d.substr(0, keep) : d);
  heldBytes += keep;
  if (task.parked) {
    task.parked = 0;
    wake(task);
  }
  while (queue.length) {
    var t = queue.shift();
    t.queued = 0;
    poll(t);
  }
});
wake(task);
while (queue.length) {
  queue[0].queued = 0;
  poll(queue.shift());
}
