// Channel behaviour, logged as "<what> <value>":
//   backpressure  capacity 2; senders s0 (sends 0 1 2), s1 (10 11 12),
//                 s2 (20 21 22) all start at 0; the receiver waits until
//                 10 ms, then takes one value per ms. Each completed send
//                 logs "sent <v>", each receive "recv <v>". At 5 ms a
//                 checker logs "trySend 0" (full: refused, nothing lost)
//                 and "len 2".
//   receivers     an empty channel; rB starts waiting at 1 ms, rA at 2 ms;
//                 at 5 ms a feeder puts 100 then 101 (trySend) and logs
//                 "tryReceive 0": the waiting receivers come first. rB logs
//                 "rB 100", rA "rA 101".
//   cancelled     capacity 1, full; withTimeout(2 ms, send(99)) times out
//                 at 32 ms ("cancelled send 1"); the receiver then finds
//                 only the old value ("drain 7", "drain empty").
import { Task, TaskPool, Timer, Duration, Instant, Channel, ChannelSend, ChannelReceive, WithTimeout, log } from "outpost";
import { OnceAt } from "./lib/once_at";

const queue = new Channel<i32>(2, 4, "queue");
const mailbox = new Channel<i32>(4, 2, "mailbox");
const full = new Channel<i32>(1, 1, "full");

class Sender extends Task {
  base: i32 = 0;
  n: i32 = 0;
  sending: ChannelSend<i32> | null = null;

  poll(): bool {
    while (this.n < 3) {
      if (this.sending === null) this.sending = queue.send(this.base + this.n);
      if (!this.sending!.poll()) return false;
      log.infoInt("sent", this.base + this.n);
      this.sending = null;
      this.n++;
    }
    return true;
  }
}

class Receiver extends Task {
  timer: Timer = new Timer();
  receiving: ChannelReceive<i32> | null = null;
  count: i32 = 0;
  started: bool = false;

  poll(): bool {
    if (!this.started) {
      this.timer.at(10_000);
      this.started = true;
    }
    while (this.count < 9) {
      if (this.receiving === null) {
        if (!this.timer.poll()) return false;
        this.receiving = queue.receive();
      }
      if (!this.receiving!.poll()) return false;
      log.infoInt("recv", this.receiving!.value);
      this.receiving = null;
      this.count++;
      this.timer.after(Duration.millis(1));
    }
    return true;
  }
}

class Checker extends OnceAt {
  constructor() {
    super();
    this.at = 5_000;
  }

  act(): void {
    log.infoInt("trySend", queue.trySend(999) ? 1 : 0);
    log.infoInt("len", queue.len());
  }
}

/** Waits from `at`, then receives one value from the mailbox and logs it under `label`. */
class MailReceiver extends Task {
  label: string = "";
  at: i64 = 0;
  timer: Timer = new Timer();
  receiving: ChannelReceive<i32> | null = null;
  started: bool = false;

  poll(): bool {
    if (!this.started) {
      this.timer.at(this.at);
      this.started = true;
    }
    if (this.receiving === null) {
      if (!this.timer.poll()) return false;
      this.receiving = mailbox.receive();
    }
    if (!this.receiving!.poll()) return false;
    log.infoInt(this.label, this.receiving!.value);
    return true;
  }
}

class Feeder extends OnceAt {
  constructor() {
    super();
    this.at = 5_000;
  }

  act(): void {
    mailbox.trySend(100);
    mailbox.trySend(101);
    log.infoInt("tryReceive", mailbox.tryReceive() ? 1 : 0);
  }
}

class Canceller extends Task {
  timer: Timer = new Timer();
  step: i32 = 0;
  timeout: WithTimeout<ChannelSend<i32>> = new WithTimeout<ChannelSend<i32>>();

  poll(): bool {
    while (true) {
      if (this.step == 0) {
        full.trySend(7);
        this.timer.at(30_000);
        this.step = 1;
      }
      if (this.step == 1) {
        if (!this.timer.poll()) return false;
        this.timeout.of(Duration.millis(2), full.send(99));
        this.step = 2;
      }
      if (this.step == 2) {
        if (!this.timeout.poll()) return false;
        log.infoInt("cancelled send", this.timeout.timedOut ? 1 : 0);
        log.infoInt("cancelled at", Instant.now());
        if (full.tryReceive()) log.infoInt("drain", full.received);
        if (!full.tryReceive()) log.info("drain empty");
        return true;
      }
    }
  }
}

const senders = new TaskPool<Sender>("sender", 3);
const receivers = new TaskPool<Receiver>("receiver", 1);
const checkers = new TaskPool<Checker>("checker", 1);
const mailReceivers = new TaskPool<MailReceiver>("mail", 2);
const feeders = new TaskPool<Feeder>("feeder", 1);
const cancellers = new TaskPool<Canceller>("canceller", 1);

export function main(): void {
  for (let i = 0; i < 3; i++) senders.spawn().base = i * 10;
  receivers.spawn();
  checkers.spawn();
  const a = mailReceivers.spawn();
  a.label = "rA";
  a.at = 2_000;
  const b = mailReceivers.spawn();
  b.label = "rB";
  b.at = 1_000;
  feeders.spawn();
  cancellers.spawn();
}
