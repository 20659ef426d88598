/** Registers the module hook that resolves typescript and binaryen to their code-cached shims, once per process. */
export function useShims(): void;
/** Notes that the process's module hooks resolve the shims already. */
export function hooked(): void;
