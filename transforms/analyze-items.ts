import type {DuckDBAppender, DuckDBConnection} from "@duckdb/node-api";
import type {AnalysisItem, AnalysisPool} from "./analysis-pool.ts";
import type {TextAnalysis} from "./text/types.ts";

/**
 * The text analysis the step calls: transforms/text/analyze.ts in production, a double in tests. With
 * `startPool`, large inputs are analyzed by a pool of worker threads that returns the same results.
 */
export type Analyze = ((text: string, options: {isOwn: boolean}) => TextAnalysis) & {startPool?: () => AnalysisPool};

export interface AnalyzeOptions {
  /** Re-analyze every item (the analysis itself changed). */
  full?: boolean;
  /** Items brought by files after this id are new since the last run. */
  afterFileId?: number;
  /** Re-analyze items created on or after this local date (YYYY-MM-DD). */
  since?: string | null;
  chunkSize?: number;
  /** The fewest items worth starting `analyze.startPool` for: below, the workers' start-up costs more than they save. */
  poolFrom?: number;
}

interface Row extends AnalysisItem {
  /** Its row in text_todo. */
  n: number;
}

const createSql = `
  create table if not exists main.int_item_text (
    item_key varchar not null, platform varchar not null, item_id varchar not null, text_hash varchar not null,
    is_own boolean not null, lang varchar, sentiment_label varchar, sentiment_score double, sentiment_terms varchar[],
    topics varchar[], is_question boolean, is_complaint boolean, reply_type varchar
  )`;

/** The table's shape, created before any model reads it. */
export async function ensureItemText(connection: DuckDBConnection): Promise<void> {
  await connection.run(createSql);
}

/**
 * The TypeScript step of the DAG: analyzes the items that need it (new, changed text or ownership, or
 * selected by `since`/`full`) and appends the results to main.int_item_text, a cache kept between runs.
 * Each row is keyed by the text's hash, so the cache is valid on its own: the caller may commit it
 * separately from the marts.
 */
export async function analyzeItems(connection: DuckDBConnection, analyze: Analyze, options: AnalyzeOptions = {}): Promise<number> {
  const {full = false, afterFileId = 0, since = null, chunkSize = 5000, poolFrom = 20_000} = options;
  await ensureItemText(connection);
  await connection.run(`
    create or replace temp table text_todo as
    select row_number() over (order by b.item_key) as n, b.item_key, b.platform, b.item_id, b.text, b.text_hash, b.is_own
    from int_item_base b
    left join main.int_item_text t on t.item_key = b.item_key
    where b.text is not null and (
      $full or t.item_key is null or t.text_hash <> b.text_hash or t.is_own <> b.is_own
      or b.source_file_id > $after or b.created_on >= coalesce($since::date, 'infinity'::date))`,
    {full, after: afterFileId, since} as never);
  // why: rows of items that are gone or lost their text would otherwise linger in the cache
  await connection.run(`
    delete from main.int_item_text
    where item_key in (select item_key from text_todo)
      or item_key not in (select item_key from int_item_base where text is not null)`);
  await connection.run(`
    create or replace temp table text_stage (
      n integer, lang varchar,
      sentiment_label varchar, sentiment_score double, sentiment_terms varchar, topics varchar,
      is_question boolean, is_complaint boolean, reply_type varchar)`);
  const total = Number((await connection.runAndReadAll("select count(*) from text_todo")).getRows()[0]![0]);
  const pool = total >= poolFrom ? analyze.startPool?.() : undefined;
  try {
    const chunks = readChunks(connection, total, chunkSize);
    const analyzed = pool ? pool.analyzeInOrder(chunks) : analyzeInline(chunks, analyze);
    // why: the main thread appends one chunk while the workers analyze the next ones
    for await (const {items, results} of analyzed) {
      const appender = await connection.createAppender("text_stage", "main", "temp");
      try {
        items.forEach((row, index) => appendRow(appender, row, results[index]!));
      } finally {
        appender.closeSync();
      }
    }
  } finally {
    await pool?.close();
  }
  await connection.run(`
    insert into main.int_item_text
    select item_key, platform, item_id, text_hash, is_own, lang, sentiment_label, sentiment_score,
      sentiment_terms::json::varchar[], topics::json::varchar[], is_question, is_complaint, reply_type
    from text_stage
    join text_todo using (n)`);
  await connection.run("drop table text_todo; drop table text_stage");
  return total;
}

/** The texts to analyze, a chunk at a time: the keys stay in text_todo (reading them cost 3x as much). */
async function* readChunks(connection: DuckDBConnection, total: number, chunkSize: number): AsyncGenerator<Row[]> {
  for (let lo = 0; lo < total; lo += chunkSize) {
    const reader = await connection.runAndReadAll(
      "select n::integer, text, is_own from text_todo where n > $lo and n <= $hi order by n", {lo, hi: lo + chunkSize});
    yield reader.getRowsJS().map(([n, text, is_own]) => ({n: Number(n), text: String(text), isOwn: Boolean(is_own)}));
  }
}

async function* analyzeInline(chunks: AsyncIterable<Row[]>, analyze: Analyze) {
  for await (const items of chunks) yield {items, results: items.map(({text, isOwn}) => analyze(text, {isOwn}))};
}

function appendRow(appender: DuckDBAppender, row: Row, result: TextAnalysis): void {
  appender.appendInteger(row.n);
  appender.appendVarchar(result.lang);
  appender.appendVarchar(result.sentiment.label);
  appender.appendDouble(result.sentiment.score);
  appender.appendVarchar(JSON.stringify(result.sentiment.terms));
  appender.appendVarchar(JSON.stringify(result.topics));
  appender.appendBoolean(result.is_question);
  appender.appendBoolean(result.is_complaint);
  if (result.reply_type === null) appender.appendNull();
  else appender.appendVarchar(result.reply_type);
  appender.endRow();
}
