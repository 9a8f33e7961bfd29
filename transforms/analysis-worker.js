// Entry point of the analysis pool's worker threads. A worker starts without the tsx loader registered in
// the main thread (privatenumber/tsx#354), so it registers its own before loading the TypeScript worker.
import {register} from "tsx/esm/api";

register();
await import("./analysis-worker.ts");
