/** Writes `data` to `file` whole (a thread's own file renamed over it), making its folder; false if it could not. */
export function writeWhole(file: string, data: string | Uint8Array): boolean;
