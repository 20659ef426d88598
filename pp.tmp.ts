import { buildTestImage } from "./test/helpers/native.ts";
import { onQemu } from "./test/conformance/hosts.ts";
const img = await buildTestImage("bench/firmware/pingpong.ts", "mps2-an385", "board");
const busy = async (t: string) => Number(/busy (\d+)/.exec((await onQemu(img.path, ["--for", t, "--stack-report"])).lines.join(" "))![1]);
const [a, b, c] = [await busy("500ms"), await busy("1500ms"), await busy("2500ms")];
console.log("outpost", (b - a) / 1e6, "direct", (c - b) / 1e6, "ratio", ((b - a) / (c - b)).toFixed(2));
