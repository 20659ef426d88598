// withTimeout both ways. One task runs the cases in turn:
//   fast      withTimeout(10 ms, probe completing on its 3rd poll): done at
//             2 ms, not timed out, the probe never cancelled
//   slow      withTimeout(5 ms, probe never completing): done at 7 ms (5 ms
//             after it started), timed out, the probe cancelled exactly once
//   tie       withTimeout(4 ms, signal.wait()) and a helper signals at that
//             very instant: the inner future wins, nothing is lost
//   receive   withTimeout(2 ms, channel.receive()) on an empty channel, a
//             value arrives 1 ms after the timeout: the cancelled receive
//             took nothing, so tryReceive() finds the value
//   factory   withTimeout(d, f), the allocating form, made at init and
//             armed once: times out like the instance form
import { Task, TaskPool, Timer, Duration, Instant, Signal, Channel, ChannelReceive, WithTimeout, withTimeout, log } from "outpost";
import { Probe } from "./lib/probe";

const signal = new Signal<i32>("tie");
const channel = new Channel<i32>(1, 1, "late");
const spareProbe = new Probe();
const factoryMade = withTimeout<Probe>(Duration.millis(1), spareProbe);

class Cases extends Task {
  step: i32 = 0;
  probe: Probe = new Probe();
  timer: Timer = new Timer();
  byProbe: WithTimeout<Probe> = new WithTimeout<Probe>();
  bySignal: WithTimeout<Signal<i32>> = new WithTimeout<Signal<i32>>();
  byReceive: WithTimeout<ChannelReceive<i32>> = new WithTimeout<ChannelReceive<i32>>();

  poll(): bool {
    while (true) {
      switch (this.step) {
        case 0:
          this.byProbe.of(Duration.millis(10), this.probe.arm(3));
          this.step = 1;
        case 1:
          if (!this.byProbe.poll()) return false;
          this.report("fast", this.byProbe.timedOut);
          this.byProbe.of(Duration.millis(5), this.probe.arm(0));
          this.step = 2;
        case 2:
          if (!this.byProbe.poll()) return false;
          this.report("slow", this.byProbe.timedOut);
          // The helper signals at 11 ms; the deadline is 11 ms too.
          this.bySignal.at(11_000, signal.wait());
          this.step = 3;
        case 3:
          if (!this.bySignal.poll()) return false;
          log.infoInt("tie at", Instant.now());
          log.infoInt("tie timedOut", this.bySignal.timedOut ? 1 : 0);
          log.infoInt("tie value", signal.value);
          this.byReceive.of(Duration.millis(2), channel.receive());
          this.step = 4;
        case 4:
          if (!this.byReceive.poll()) return false;
          log.infoInt("receive at", Instant.now());
          log.infoInt("receive timedOut", this.byReceive.timedOut ? 1 : 0);
          this.timer.after(Duration.millis(2)); // the value arrives meanwhile, at 14 ms
          this.step = 5;
        case 5:
          if (!this.timer.poll()) return false;
          log.infoInt("receive len", channel.len());
          if (channel.tryReceive()) log.infoInt("receive later", channel.received);
          factoryMade.of(Duration.millis(1), spareProbe.arm(0));
          this.step = 6;
        case 6:
          if (!factoryMade.poll()) return false;
          log.infoInt("factory at", Instant.now());
          log.infoInt("factory timedOut", factoryMade.timedOut ? 1 : 0);
          log.infoInt("factory cancels", spareProbe.cancels);
          return true;
      }
    }
  }

  report(name: string, timedOut: bool): void {
    log.infoInt(name, Instant.now());
    log.infoInt(" timedOut", timedOut ? 1 : 0);
    log.infoInt(" polls", this.probe.polls);
    log.infoInt(" cancels", this.probe.cancels);
  }
}

/** Signals 5 at 11 ms, sends 9 at 14 ms. Spawned first: it runs first at equal instants. */
class Helper extends Task {
  timer: Timer = new Timer();
  step: i32 = 0;
  poll(): bool {
    if (this.step == 0) {
      this.timer.at(11_000);
      this.step = 1;
    }
    if (this.step == 1) {
      if (!this.timer.poll()) return false;
      signal.signal(5);
      this.timer.at(14_000);
      this.step = 2;
    }
    if (!this.timer.poll()) return false;
    channel.trySend(9);
    return true;
  }
}

const helpers = new TaskPool<Helper>("helper", 1);
const cases = new TaskPool<Cases>("cases", 1);

export function main(): void {
  helpers.spawn();
  cases.spawn();
}
