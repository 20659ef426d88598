// Test firmware for test/hal/streams.test.ts: ByteStream, ChannelStream and
// the io helpers ReadExact/WriteAll.
//   bytes:   every byte of UART0 through a ByteStream, logged "byte <b>"
//            (negative: an ErrorKind)
//   channel: a producer sends 10, 20, 30 on a Channel<i32> 1 ms apart, then
//            closes the ChannelStream; the consumer logs "item <v>" and "end"
//   exact:   ReadExact of 4 bytes from UART1, logged "exact <result> <done>",
//            then WriteAll of those bytes back to UART1
import { Task, TaskPool, Channel, Timer, Duration, log } from "outpost";
import { ByteStream, ByteNext, ChannelStream, ChannelNext, ReadExact, WriteAll, Uart, StreamStatus } from "outpost/hal";
import { UART0, UART1 } from "outpost/board";

let bytes!: ByteStream;
const channel = new Channel<i32>(2);
const items = new ChannelStream<i32>(channel);
let uart1!: Uart;

class Bytes extends Task {
  next: ByteNext | null = null;
  poll(): bool {
    while (true) {
      if (this.next === null) this.next = bytes.next();
      const next = this.next!;
      if (!next.poll()) return false;
      this.next = null;
      log.infoInt("byte", next.status == StreamStatus.ITEM ? <i64>next.value : <i64>next.status);
    }
  }
}

class Producer extends Task {
  timer: Timer = new Timer();
  sent: i32 = 0;
  poll(): bool {
    while (this.sent < 3) {
      if (!this.timer.poll()) return false;
      if (!channel.trySend((this.sent + 1) * 10)) return false;
      this.sent++;
      this.timer.after(Duration.millis(1));
    }
    items.close();
    return true;
  }
}

class Consumer extends Task {
  next: ChannelNext<i32> | null = null;
  poll(): bool {
    while (true) {
      if (this.next === null) this.next = items.next();
      const next = this.next!;
      if (!next.poll()) return false;
      this.next = null;
      if (next.status == StreamStatus.END) {
        log.info("end");
        return true;
      }
      log.infoInt("item", next.value);
    }
  }
}

class Exact extends Task {
  buf: StaticArray<u8> = new StaticArray<u8>(4);
  exact: ReadExact = new ReadExact();
  all: WriteAll = new WriteAll();
  step: i32 = 0;
  poll(): bool {
    while (true) {
      if (this.step == 0) {
        this.exact.arm(uart1, this.buf);
        this.step = 1;
      }
      if (this.step == 1) {
        if (!this.exact.poll()) return false;
        log.infoInt("exact", this.exact.value);
        log.infoInt("done", this.exact.done);
        this.all.arm(uart1, this.buf, 0, this.exact.done);
        this.step = 2;
      }
      if (!this.all.poll()) return false;
      this.step = 0;
    }
  }
}

const byteTasks = new TaskPool<Bytes>("bytes", 1);
const producers = new TaskPool<Producer>("producer", 1);
const consumers = new TaskPool<Consumer>("consumer", 1);
const exacts = new TaskPool<Exact>("exact", 1);

export function main(): void {
  bytes = new ByteStream(new Uart(UART0, 115200, "UART0"));
  uart1 = new Uart(UART1, 115200, "UART1");
  byteTasks.spawn();
  producers.spawn();
  consumers.spawn();
  exacts.spawn();
}
