// Plain-JavaScript entry of a heavy-work thread, loadable the same way under tsx, vitest and
// `next start` (which bundles server code, so a TypeScript worker path would not survive): it
// compiles and loads worker.ts with tsx, a runtime dependency already.
import { tsImport } from "tsx/esm/api";

await tsImport("./worker.ts", import.meta.url);
