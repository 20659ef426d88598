/**
 * The page's entry (bundled by web/rollup.config.mjs, served by `outpost
 * view`): fetches the session and the firmware, gives the board to the
 * simulator's board lookups, builds the panels, and runs the firmware.
 *
 *   ?speed=1|10|1000|max|paused   the speed to start at (default 1: real time)
 *
 * Panels draw from the simulator at most once per animation frame, after
 * the clock has run a slice (at "as fast as possible", at most every 100 ms). Restart and Play (a scenario) make a new
 * `BoardRun` from t = 0 and clear the panels. With `outpost view --watch`,
 * a rebuild reloads the page; a failed rebuild shows in the banner.
 */
import type { Scenario } from "../../sim/index.ts";
import { formatVcd } from "../../sim/vcd.ts";
import { Banner } from "./banner.ts";
import { BoardRun } from "./board-run.ts";
import { provideBoard } from "./board-files.ts";
import { BoardView } from "./board-view.ts";
import { Clock, SPEEDS, type Speed } from "./clock.ts";
import { Controls } from "./controls.ts";
import { download, el } from "./dom.ts";
import { LogView } from "./log-view.ts";
import { ScenarioPanel } from "./scenario-panel.ts";
import { type Session, fetchFirmware, fetchSession } from "./session.ts";
import { TaskTable } from "./task-table.ts";
import { Terminal } from "./terminal.ts";
import { Waveforms } from "./waveforms.ts";

async function main(root: HTMLElement): Promise<void> {
  const session = await fetchSession();
  provideBoard(session.board.name, JSON.stringify(session.board));
  const firmware = await fetchFirmware(session);
  document.title = `${session.name} on ${session.board.name} · outpost view`;

  const banner = new Banner();
  const log = new LogView();
  const terminals = new Map(Object.entries(session.board.uarts).map(([name, spec]) => [name, new Terminal(name, spec, () => run.sim, () => clock.poke())]));
  const listeners = {
    onUartByte: (uart: string, byte: number) => terminals.get(uart)?.byte(byte),
    onLog: log.add.bind(log),
  };
  let run = await BoardRun.start(session, firmware, null, listeners);

  const board = new BoardView(session.board, () => run.sim, () => clock.poke());
  const tasks = new TaskTable(() => run.sim);
  const waves = new Waveforms(session.board, () => run.sim);
  const restart = async (scenario: Scenario | null): Promise<void> => {
    for (const t of terminals.values()) t.clear();
    log.clear();
    waves.clear();
    run = await BoardRun.start(session, firmware, scenario, listeners);
    clock.replace(run);
  };
  const scenarios = new ScenarioPanel(session.board, (scenario) => void restart(scenario));

  let drawing = false;
  let drawn = 0;
  const draw = (): void => {
    drawing = false;
    drawn = performance.now();
    controls.draw();
    board.draw();
    for (const t of terminals.values()) t.draw();
    tasks.draw();
    waves.draw();
    log.draw();
    scenarios.draw(run);
    banner.show(run.sim, run.outcome);
  };
  const clock = new Clock(run, startSpeed(), (gap) => {
    if (drawing) return;
    drawing = true;
    const wait = drawn + gap - performance.now();
    if (wait > 0) setTimeout(() => requestAnimationFrame(draw), wait);
    else requestAnimationFrame(draw);
  });
  const base = session.name.replace(/^.*[\\/]/, "").replace(/\.(wasm|js|ts)$/, "");
  const controls = new Controls(clock, () => run.sim, {
    restart: () => void restart(null),
    downloadVcd: () => download(`${base}.vcd`, formatVcd(run.sim, { version: `outpost view ${session.name} on ${session.board.name}` }), "text/plain"),
    downloadTrace: () => download(`${base}.trace.json`, JSON.stringify(run.trace.toJSON(run.sim.tasks(), `outpost view ${session.name}`)) + "\n", "application/json"),
  });

  root.replaceChildren(
    el("header", {}, el("h1", {}, "outpost view"), el("p", {}, `${session.name} on board ${session.board.name}`)),
    controls.node,
    banner.node,
    el("main", {}, board.node, ...[...terminals.values()].map((t) => t.node), tasks.node, log.node, waves.node, scenarios.node),
  );
  if (session.error) banner.buildFailed(session.error);
  follow(session, banner);
  draw();
}

function startSpeed(): Speed {
  const asked = new URLSearchParams(location.search).get("speed");
  return SPEEDS.find((s) => String(s) === asked) ?? 1;
}

/** --watch: a new build reloads the page; a failed one shows in the banner. */
function follow(session: Session, banner: Banner): void {
  const events = new EventSource("events");
  events.addEventListener("build", (e) => {
    if (Number((e as MessageEvent<string>).data) !== session.build) location.reload();
  });
  events.addEventListener("build-error", (e) => banner.buildFailed((e as MessageEvent<string>).data));
}

const root = document.getElementById("app")!;
main(root).catch((e: unknown) => {
  root.replaceChildren(el("div", { class: "banner", role: "alert" }, el("strong", {}, "Cannot run the firmware"), el("pre", {}, e instanceof Error ? e.message : String(e))));
});
