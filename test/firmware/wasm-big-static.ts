// Static data larger than one 64 KiB page: more than any interpreter board's RAM.
const table = memory.data(70000);

export function main(): void {
  store<u8>(table + 69999, 1); // in bounds: the table is 70,000 bytes
}
