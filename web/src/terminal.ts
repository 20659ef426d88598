/**
 * A UART as a serial monitor: what the firmware transmits, as it arrives
 * (decoded as UTF-8; a CR LF shows as one line break), and a line to type
 * into: Enter sends the line plus the chosen line ending (LF, CR, CR LF or
 * none), at the sender's baud, from the current virtual time.
 *
 * The output is a focusable log region, so a screen reader hears new
 * output and the keyboard reaches everything with Tab. It keeps about the
 * last KEEP characters (whole chunks as they arrived).
 */
import type { UartSpec } from "../../src/contract/boards.ts";
import type { Simulator } from "../../sim/index.ts";
import { el } from "./dom.ts";

const KEEP = 64 * 1024;
const ENDINGS: [label: string, text: string][] = [["LF", "\n"], ["CR LF", "\r\n"], ["CR", "\r"], ["none", ""]];

export class Terminal {
  readonly uart: string;
  private sim: () => Simulator;
  private readonly input: () => void;
  readonly node: HTMLElement;
  private readonly output: HTMLPreElement;
  private decoder = new TextDecoder();
  private pending = "";
  /** Characters on screen. */
  private length = 0;

  constructor(
    uart: string,
    spec: UartSpec,
    sim: () => Simulator,
    input: () => void,
  ) {
    this.uart = uart;
    this.sim = sim;
    this.input = input;
    this.output = el("pre", { class: "out", role: "log", tabindex: "0", "aria-label": `${uart} output` });
    const line = el("input", { type: "text", "aria-label": `Send to ${uart}`, placeholder: `type, Enter sends to ${uart}`, autocomplete: "off" });
    const ending = el("select", { "aria-label": `${uart} line ending` });
    for (const [label, text] of ENDINGS) ending.append(el("option", { value: JSON.stringify(text) }, label));
    const form = el("form", { class: "send" }, line, ending, el("button", { type: "submit" }, "Send"));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.sim().uart(uart).send(line.value + (JSON.parse(ending.value) as string));
      line.value = "";
      this.input();
    });
    const role = spec.console ? "console, " : "";
    this.node = el("section", { class: "uart", "aria-label": `${uart} terminal` }, el("h2", {}, uart, el("small", {}, ` ${role}TX ${spec.tx}, RX ${spec.rx}`)), this.output, form);
  }

  /** A byte the firmware transmitted. */
  byte(byte: number): void {
    this.pending += this.decoder.decode(Uint8Array.of(byte), { stream: true });
  }

  /** Empties the screen for a new run. */
  clear(): void {
    this.decoder = new TextDecoder();
    this.pending = "";
    this.length = 0;
    this.output.textContent = "";
  }

  draw(): void {
    // A CR at the end may be the first half of a CR LF: it waits for the next byte.
    const ready = this.pending.endsWith("\r") ? this.pending.slice(0, -1) : this.pending;
    if (ready === "") return;
    this.pending = this.pending.slice(ready.length);
    const out = this.output;
    const atBottom = out.scrollTop + out.clientHeight >= out.scrollHeight - 4;
    // Appended, not rewritten: a busy UART costs what it adds, not what the screen holds.
    const text = ready.replace(/\r\n?/g, "\n");
    out.append(text);
    this.length += text.length;
    while (this.length > KEEP && out.firstChild) {
      this.length -= out.firstChild.textContent!.length;
      out.firstChild.remove();
    }
    if (atBottom) out.scrollTop = out.scrollHeight;
  }
}
