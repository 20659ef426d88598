// Globals provided by the sealed runtime (rt/sealed.ts) and text.ts, declared for editors.
declare function __outpost_seal(): void;
declare function __outpost_heap_top(): usize;
declare function __outpost_text_put(t: usize): void;
