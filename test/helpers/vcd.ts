/**
 * A small reader for the Value Change Dumps Outpost writes (IEEE 1364
 * subset: header sections, scopes, 1-bit and vector vars, $dumpvars, #time
 * and value changes), so tests can compare a dump with the simulator's own
 * histories.
 */
export interface Vcd {
  timescale: string;
  /** Scope lines in order, e.g. "module pins". */
  scopes: string[];
  /** Var name → its width in bits, in declaration order. */
  widths: Map<string, number>;
  /** Var name → its value in $dumpvars. */
  initial: Map<string, string>;
  /** Var name → every change after $dumpvars. */
  changes: Map<string, { at: number; value: string }[]>;
  /** The last #time. */
  end: number;
}

export function parseVcd(text: string): Vcd {
  const tokens = text.split(/\s+/).filter(Boolean);
  const vcd: Vcd = { timescale: "", scopes: [], widths: new Map(), initial: new Map(), changes: new Map(), end: 0 };
  const names = new Map<string, string>();
  let i = 0;
  const section = (): string[] => {
    const body: string[] = [];
    while (tokens[i] !== "$end") {
      if (i >= tokens.length) throw new Error("VCD: a section has no $end");
      body.push(tokens[i++]!);
    }
    i++;
    return body;
  };
  while (i < tokens.length) {
    const keyword = tokens[i++]!;
    const body = section();
    if (keyword === "$enddefinitions") break;
    if (keyword === "$timescale") vcd.timescale = body.join(" ");
    else if (keyword === "$scope") vcd.scopes.push(body.join(" "));
    else if (keyword === "$var") {
      const [, width, id, name] = body as [string, string, string, string];
      names.set(id, name);
      vcd.widths.set(name, Number(width));
      vcd.changes.set(name, []);
    } else if (!["$date", "$version", "$comment", "$upscope"].includes(keyword)) {
      throw new Error(`VCD: unexpected ${keyword} in the header`);
    }
  }
  let time = -1;
  let dumping = false;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === "$dumpvars") dumping = true;
    else if (t === "$end") dumping = false;
    else if (t.startsWith("#")) vcd.end = time = Number(t.slice(1));
    else {
      const [value, id] = t.startsWith("b") ? [t.slice(1), tokens[++i]!] : [t[0]!, t.slice(1)];
      const name = names.get(id);
      if (name === undefined) throw new Error(`VCD: unknown identifier ${id}`);
      if (time < 0) throw new Error("VCD: a value change before the first #time");
      if (dumping) vcd.initial.set(name, value);
      else vcd.changes.get(name)!.push({ at: time, value });
    }
  }
  return vcd;
}
