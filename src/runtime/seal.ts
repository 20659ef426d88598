/**
 * What happens when firmware allocates after `outpost_init`: a panic that
 * names the task and says how to fix it. Called by the sealed allocator
 * (rt/sealed.ts) only.
 */
import { PanicCode } from "./abi";
import { panicNow } from "./panic";
import { textAsker } from "./errors";
import { textBegin, textInt, textLiteral } from "./text";

export function allocationAfterInit(size: usize): void {
  textBegin();
  textAsker();
  textLiteral(" allocated ");
  textInt(<i64>size);
  textLiteral(" bytes after init: firmware may allocate only at module level or in main(); preallocate the object there (string concatenation and `new` allocate)");
  panicNow(PanicCode.ALLOC_AFTER_INIT);
}
