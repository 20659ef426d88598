// Shell: a command line on UART0 (115200 baud) with `led on|off|toggle`,
// `status` and the built-in `help`.
import { Instant, log, task } from "outpost";
import { ByteBuf, Output, Uart } from "outpost/hal";
import { Args, Command, Shell } from "outpost/drivers/shell";
import { LED1, UART0 } from "outpost/board";

class Led implements Command {
  constructor(public led: Output) {}

  run(args: Args, out: ByteBuf): void {
    if (args.is(1, "on")) this.led.setHigh();
    else if (args.is(1, "off")) this.led.setLow();
    else if (args.is(1, "toggle")) this.led.toggle();
    else {
      out.str("usage: led on|off|toggle").crlf();
      return;
    }
    out.str("LED1 ").str(this.led.isSetHigh() ? "on" : "off").crlf();
  }
}

class Status implements Command {
  constructor(public led: Output) {}

  run(args: Args, out: ByteBuf): void {
    out.str("LED1 ").str(this.led.isSetHigh() ? "on" : "off");
    out.str(", up ").int(Instant.now() / 1000).str(" ms").crlf();
  }
}

let shell!: Shell;

export const session = task(1, async (): Promise<void> => {
  await shell.run(); // reads, runs and answers commands for ever
});

export function main(): void {
  log.info("shell: type help on UART0");
  const uart = new Uart(UART0, 115200, "UART0");
  const led = new Output(LED1, "LED1");
  shell = new Shell(uart, uart);
  shell.register("led", "led on|off|toggle: switch LED1", new Led(led));
  shell.register("status", "show LED1 and the uptime", new Status(led));
  session.spawn();
}
