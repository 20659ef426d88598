// select / join: who wins, and how often each loser is cancelled.
// One task runs the scenarios in turn; each logs "<scenario> <what> <n>".
//   s1  select(probe never, timer 10 ms): the timer wins at 10 ms; the probe
//       (polled and pending) is cancelled once
//   s2  select(timer already due, probe): the timer wins at once; the probe,
//       never polled, is still cancelled once
//   s3  select3(probe, probe, signal): a helper signals 7 at 25 ms; winner 2,
//       both probes cancelled once, the value is 7
//   s4  withTimeout(3 ms, select(probe, probe)) times out: the select is
//       cancelled, and through it each probe exactly once
//   s5  select(probe completing on its 2nd poll, probe completing on its
//       2nd poll): both could finish in the same poll; the first wins and
//       the second is cancelled, never completed
//   j1  join(probe completing on its 3rd poll, timer 10 ms): done at 10 ms;
//       the probe is not polled again once complete (3 polls)
//   j2  withTimeout(2 ms, join3(timer 1 ms, probe, probe)): the timer
//       completed, so only the two pending probes are cancelled
//   s6  select(channel.receive(), timer 1 ms) with an empty channel: the
//       receive loses, is cancelled, and gives its waiter back (the channel
//       has 1 receive waiter): a value sent later is received by a new
//       receive() (no BUSY panic, nothing lost)
import {
  Task, TaskPool, Timer, Duration, Instant, Signal, Channel, ChannelReceive,
  Select2, Select3, Join2, Join3, WithTimeout, log,
} from "outpost";
import { Probe } from "./lib/probe";
import { OnceAt } from "./lib/once_at";

const signal = new Signal<i32>("s3");
const channel = new Channel<i32>(2, 1, "s6");

class Scenarios extends Task {
  step: i32 = 0;
  p1: Probe = new Probe();
  p2: Probe = new Probe();
  timer: Timer = new Timer();
  pt: Select2<Probe, Timer> = new Select2<Probe, Timer>();
  tp: Select2<Timer, Probe> = new Select2<Timer, Probe>();
  pps: Select3<Probe, Probe, Signal<i32>> = new Select3<Probe, Probe, Signal<i32>>();
  pp: Select2<Probe, Probe> = new Select2<Probe, Probe>();
  ppTimeout: WithTimeout<Select2<Probe, Probe>> = new WithTimeout<Select2<Probe, Probe>>();
  join2: Join2<Probe, Timer> = new Join2<Probe, Timer>();
  join3: Join3<Timer, Probe, Probe> = new Join3<Timer, Probe, Probe>();
  join3Timeout: WithTimeout<Join3<Timer, Probe, Probe>> = new WithTimeout<Join3<Timer, Probe, Probe>>();
  rt: Select2<ChannelReceive<i32>, Timer> = new Select2<ChannelReceive<i32>, Timer>();
  rx: ChannelReceive<i32> | null = null;

  poll(): bool {
    while (true) {
      switch (this.step) {
        case 0:
          this.pt.of(this.p1.arm(0), this.timer.after(Duration.millis(10)));
          this.step = 1;
        case 1:
          if (!this.pt.poll()) return false;
          this.report("s1", this.pt.value);
          this.tp.of(this.timer.after(0), this.p1.arm(0));
          this.step = 2;
        case 2:
          if (!this.tp.poll()) return false;
          this.report("s2", this.tp.value);
          this.pps.of(this.p1.arm(0), this.p2.arm(0), signal.wait());
          this.step = 3;
        case 3:
          if (!this.pps.poll()) return false;
          this.report("s3", this.pps.value);
          log.infoInt("s3 value", signal.value);
          this.ppTimeout.of(Duration.millis(3), this.pp.of(this.p1.arm(0), this.p2.arm(0)));
          this.step = 4;
        case 4:
          if (!this.ppTimeout.poll()) return false;
          log.infoInt("s4 timedOut", this.ppTimeout.timedOut ? 1 : 0);
          this.report("s4", -1);
          this.pp.of(this.p1.arm(2), this.p2.arm(2));
          this.step = 5;
        case 5:
          if (!this.pp.poll()) return false;
          this.report("s5", this.pp.value);
          this.join2.of(this.p1.arm(3), this.timer.after(Duration.millis(10)));
          this.step = 6;
        case 6:
          if (!this.join2.poll()) return false;
          this.report("j1", -1);
          this.join3Timeout.of(
            Duration.millis(2),
            this.join3.of(this.timer.after(Duration.millis(1)), this.p1.arm(0), this.p2.arm(0)),
          );
          this.step = 7;
        case 7:
          if (!this.join3Timeout.poll()) return false;
          log.infoInt("j2 timedOut", this.join3Timeout.timedOut ? 1 : 0);
          this.report("j2", -1);
          this.rt.of(channel.receive(), this.timer.after(Duration.millis(1)));
          this.step = 8;
        case 8:
          if (!this.rt.poll()) return false;
          log.infoInt("s6 winner", this.rt.value);
          channel.trySend(42);
          this.rx = channel.receive();
          this.step = 9;
        case 9:
          if (!this.rx!.poll()) return false;
          log.infoInt("s6 received", this.rx!.value);
          log.info("done");
          return true;
      }
    }
  }

  report(scenario: string, winner: i32): void {
    log.infoInt(scenario, Instant.now());
    if (winner >= 0) log.infoInt(" winner", winner);
    log.infoInt(" p1 polls", this.p1.polls);
    log.infoInt(" p1 cancels", this.p1.cancels);
    log.infoInt(" p2 polls", this.p2.polls);
    log.infoInt(" p2 cancels", this.p2.cancels);
  }
}

/** Signals 7 on `signal` at 25 ms. */
class Helper extends OnceAt {
  constructor() {
    super();
    this.at = 25_000;
  }

  act(): void {
    signal.signal(7);
  }
}

const scenarios = new TaskPool<Scenarios>("scenarios", 1);
const helpers = new TaskPool<Helper>("helper", 1);

export function main(): void {
  scenarios.spawn();
  helpers.spawn();
}
