/** The compiler's API (`import * as compiler from "assemblyscript"`). */
export const compiler: typeof import("assemblyscript");
/** The front end (`import asc from "assemblyscript/asc"`). */
export const asc: typeof import("assemblyscript/asc").default;
