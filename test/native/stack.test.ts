/**
 * The C stack on a native image (mps2-an385): recursion deeper than the
 * stack is the "call stack exhausted" trap, reported as on every host, and
 * the firmware's frames stop above the stack's floor, so nothing below the
 * stack (the host's and the platform's data in .bss) is ever overwritten:
 * the painted bottom of the stack is still painted after the run.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { onQemu } from "../conformance/hosts.ts";
import { buildTestImage, missingNativeTools } from "../helpers/native.ts";

const missing = missingNativeTools("user");
const name = "recursion past the C stack traps as call stack exhausted and leaves what lies below the stack untouched";

(missing ? test.skip : test)(missing ? `${name} (skipped: ${missing})` : name, async () => {
  const image = (await buildTestImage("test/firmware/native-deep.ts", "mps2-an385", "user")).path;
  const run = await onQemu(image, ["--for", "1s", "--stack-report"]);
  assert.equal(run.lines.slice(0, 2), [
    "[   0.000000] info: native-deep: recursing 100000 levels at 10 ms",
    "[   0.010000] panic TRAP in task 0: call stack exhausted",
  ]);
  assert.is(run.status, 3);
  const peak = Number(/mps2: C stack peak (\d+) bytes/.exec(run.lines.join("\n"))?.[1]);
  assert.ok(peak > 1024 && peak < 2048, `the C stack's peak is ${peak} of its 2,048 bytes: it must stay inside`);
});

test.run();
