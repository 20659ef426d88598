/** `n` with its digits grouped by threes, as every report prints counts: 65536 → "65,536". */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
