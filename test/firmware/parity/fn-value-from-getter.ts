// Parity program (test/parity/): type aliases for async function types are used for parameters, fields, arrays, a getter returning a handler after init, and locals kept across awaits.
import { Timer, Duration, log, task } from "outpost";

type Handler = (ev: i32) => Promise<i32>;
type Millis = i32;

enum Mode { Slow = 1, Fast = 4 }

const double: Handler = async (ev: i32): Promise<i32> => {
  await Timer.after(Duration.millis(1));
  return ev * 2;
};
const negate: Handler = async (ev: i32): Promise<i32> => -ev;

class Router {
  routes: StaticArray<Handler> = [double, negate];
  fallback: Handler = double;
  mode: Mode = Mode.Slow;
  get current(): Handler {
    return this.mode == Mode.Fast ? negate : this.fallback;
  }
  async route(ev: i32, delay: Millis = 2, mode: Mode = Mode.Fast): Promise<i32> {
    const h: Handler = this.routes[ev % 2];
    await Timer.after(Duration.millis(delay));
    this.mode = mode;
    return (await h(ev)) + (await this.current(ev)) * 100;
  }
}

const router = new Router();

async function apply(h: Handler, times: i32): Promise<i32> {
  let v = 1;
  for (let i = 0; i < times; i++) v = await h(v + i);
  return v;
}

export const user = task(1, async (): Promise<void> => {
  log.infoInt("fn-value-from-getter route", await router.route(3));
  log.infoInt("fn-value-from-getter route", await router.route(4, 1, Mode.Slow));
  log.infoInt("fn-value-from-getter route", await router.route(5, 0));
  log.infoInt("fn-value-from-getter apply", await apply(router.current, 3));
  log.infoInt("fn-value-from-getter mode", router.mode);
});

export function main(): void {
  user.spawn();
}
