#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx ascolto` works without a build step.
import {register} from "tsx/esm/api";

register();
await import("../lib/cli.ts");
