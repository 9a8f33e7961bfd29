// The body of an analysis pool's worker thread (started through analysis-worker.js): analyzes the batches
// posted to it, one after another, and replies to each with its results or its error. It says when it is
// ready, so that the pool gives it batches only then.
import {parentPort, workerData} from "node:worker_threads";
import {analyzeColumns, type BatchMessage, type WorkerMessage} from "./analysis-pool.ts";
import type {Taxonomy} from "./text/topics.ts";

const {taxonomy} = workerData as {taxonomy?: Taxonomy};

function reply(message: BatchMessage): WorkerMessage {
  try {
    return {results: analyzeColumns(message, taxonomy)};
  } catch (error) {
    return {error: (error as Error).message};
  }
}

parentPort!.on("message", (message: BatchMessage) => parentPort!.postMessage(reply(message)));
parentPort!.postMessage({ready: true} satisfies WorkerMessage);
