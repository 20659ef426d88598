// Test firmware for test/hal/line-reader.test.ts: a LineReader (16 bytes)
// on UART0. Each readLine is raced against a 5 ms timeout and restarted when
// it loses (the partial line must survive). Replies on UART0:
//   "[<line>]\r\n" for a line, "<<error name>>\r\n" for an error.
// Logs "timeouts <n>" when the firmware starts replying, if any timed out.
import { Task, TaskPool, Duration, WithTimeout, log } from "outpost";
import { ByteBuf, Uart, WriteAll, errorName } from "outpost/hal";
import { LineReader, ReadLine } from "outpost/drivers/line_reader";
import { UART0 } from "outpost/board";

class Lines extends Task {
  uart!: Uart;
  lines!: LineReader;
  timed: WithTimeout<ReadLine> = new WithTimeout<ReadLine>();
  out: ByteBuf = new ByteBuf(40);
  all: WriteAll = new WriteAll();
  step: i32 = 0;

  poll(): bool {
    while (true) {
      if (this.step == 0) {
        this.timed.of(Duration.millis(5), this.lines.readLine());
        this.step = 1;
      }
      if (this.step == 1) {
        if (!this.timed.poll()) return false;
        if (this.timed.timedOut) {
          this.step = 0;
          continue;
        }
        const n = this.timed.inner!.value;
        const out = this.out.clear();
        if (n >= 0) out.byte(0x5b).bytes(this.lines.line, 0, n).byte(0x5d).crlf(); // [line]
        else out.byte(0x3c).str(errorName(n)).byte(0x3e).crlf(); // <error>
        this.all.arm(this.uart, out.data, 0, out.length);
        this.step = 2;
      }
      if (!this.all.poll()) return false;
      this.step = 0;
    }
  }
}
const tasks = new TaskPool<Lines>("lines", 1);

export function main(): void {
  const task = tasks.spawn();
  task.uart = new Uart(UART0, 115200, "UART0");
  task.lines = new LineReader(task.uart, 16);
}
