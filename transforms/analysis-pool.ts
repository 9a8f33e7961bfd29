import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";
import {analyzeText} from "./text/analyze.ts";
import type {Taxonomy} from "./text/topics.ts";
import type {TextAnalysis} from "./text/types.ts";

/** One text to analyze and whether the organisation wrote it. */
export interface AnalysisItem {
  text: string;
  isOwn: boolean;
}

/** What a worker receives: a batch as two columns, cheaper to copy between threads than objects. */
export interface BatchMessage {
  texts: string[];
  own: boolean[];
}

/** A worker's messages: ready once its modules are loaded, then one reply per batch. */
export type WorkerMessage = {ready: true} | {results: TextAnalysis[]} | {error: string};

/** analyzeBatch over a batch's columns; an error names the item. */
export function analyzeColumns({texts, own}: BatchMessage, taxonomy?: Taxonomy): TextAnalysis[] {
  const results: TextAnalysis[] = [];
  for (const [index, text] of texts.entries()) {
    try {
      results.push(analyzeText(text, {isOwn: own[index], taxonomy}));
    } catch (error) {
      throw new Error(`text analysis failed on item ${index + 1} of ${texts.length}: ${(error as Error).message}`);
    }
  }
  return results;
}

const columns = (items: readonly AnalysisItem[]): BatchMessage => ({texts: items.map((item) => item.text), own: items.map((item) => item.isOwn)});

interface Batch {
  resolve: (results: TextAnalysis[]) => void;
  reject: (error: Error) => void;
}

interface Lane {
  worker: Worker;
  ready: boolean;
  batches: Batch[];
}

/** A batch on its way through analyzeInOrder: analyzed on the main thread, or a worker's reply to come. */
interface Pending<T> {
  items: T[];
  results: TextAnalysis[] | null;
  error: Error | null;
}

// A worker's next batch is queued behind the one it works on, so that it never waits for the main thread.
const QUEUED = 2;

/**
 * analyzeText on the main thread and in worker threads, one per other core by default. Each result is
 * exactly what analyzeBatch returns. A worker takes about 0.4 s of CPU to load wink-nlp's model and the
 * lexicons: the main thread analyzes meanwhile, and whenever the workers have enough queued, so that the
 * pool is hardly ever slower than the main thread alone. Close it when done.
 */
export class AnalysisPool {
  readonly workers: number;
  #taxonomy: Taxonomy | undefined;
  #lanes: Lane[];
  #failure: Error | null = null;

  constructor({taxonomy, workers = availableParallelism() - 1}: {taxonomy?: Taxonomy; workers?: number} = {}) {
    this.workers = workers;
    this.#taxonomy = taxonomy;
    this.#lanes = Array.from({length: workers}, () => this.#start());
  }

  #start(): Lane {
    const worker = new Worker(new URL("./analysis-worker.js", import.meta.url), {workerData: {taxonomy: this.#taxonomy}});
    const lane: Lane = {worker, ready: false, batches: []};
    // why: an idle worker must not keep the process alive, even if a caller forgets close()
    worker.unref();
    worker.on("message", (reply: WorkerMessage) => {
      if ("ready" in reply) return void (lane.ready = true);
      const batch = lane.batches.shift();
      if (lane.batches.length === 0) worker.unref();
      // why: a reply can arrive after close() rejected its batch
      if (!batch) return;
      if ("error" in reply) batch.reject(new Error(reply.error));
      else batch.resolve(reply.results);
    });
    const fail = (error: Error) => {
      const failure = (this.#failure ??= error);
      for (const batch of lane.batches.splice(0)) batch.reject(failure);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`analysis worker ${worker.threadId} exited with code ${code}`)));
    return lane;
  }

  #send(lane: Lane, items: readonly AnalysisItem[]): Promise<TextAnalysis[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      lane.batches.push({resolve, reject});
      lane.worker.ref();
      lane.worker.postMessage(columns(items));
    });
  }

  #analyzeHere(items: readonly AnalysisItem[]): TextAnalysis[] {
    return analyzeColumns(columns(items), this.#taxonomy);
  }

  /** Analyzes one batch in the least busy worker (on the main thread if there is none). */
  async analyze(items: readonly AnalysisItem[]): Promise<TextAnalysis[]> {
    const lane = [...this.#lanes].sort((a, b) => a.batches.length - b.batches.length)[0];
    return lane ? this.#send(lane, items) : this.#analyzeHere(items);
  }

  /**
   * Analyzes batches as they come, each in a started worker with room in its queue or else on the main
   * thread, and yields every batch with its results in the order the batches came.
   */
  async *analyzeInOrder<T extends AnalysisItem>(batches: AsyncIterable<T[]> | Iterable<T[]>): AsyncGenerator<{items: T[]; results: TextAnalysis[]}> {
    const pending: Pending<T>[] = [];
    for await (const items of batches) {
      // why: workers' replies are events; without this turn a synchronous source would never see them
      await new Promise(setImmediate);
      if (this.#failure) throw this.#failure;
      const lane = this.#lanes.find((candidate) => candidate.ready && candidate.batches.length < QUEUED);
      if (lane) {
        const entry: Pending<T> = {items, results: null, error: null};
        this.#send(lane, items).then((results) => (entry.results = results), (error: Error) => (entry.error = error));
        pending.push(entry);
      } else {
        pending.push({items, results: this.#analyzeHere(items), error: null});
      }
      for (let head = pending[0]; head && (head.results || head.error); head = pending[0]) {
        pending.shift();
        if (head.error) throw head.error;
        yield {items: head.items, results: head.results!};
      }
    }
    // why: the main thread would only wait for the workers' last batches: it analyzes them too, and the
    // first to finish wins (the results are the same)
    for (const entry of pending) {
      await new Promise(setImmediate);
      yield {items: entry.items, results: entry.results ?? this.#analyzeHere(entry.items)};
    }
  }

  /** Stops the workers; batches still in flight reject. */
  async close(): Promise<void> {
    const failure = (this.#failure ??= new Error("analysis pool closed"));
    for (const lane of this.#lanes) {
      for (const batch of lane.batches.splice(0)) batch.reject(failure);
      // why: not awaited: under the tsx CLI a worker's termination never reports back, and an unref'd
      // worker neither keeps the process alive nor outlives it
      lane.worker.unref();
      void lane.worker.terminate();
    }
  }
}
