import type {DuckDBConnection} from "@duckdb/node-api";
import type {TransformConfig} from "./config.ts";
import {italianHolidays} from "./holidays.ts";

/**
 * Writes the configuration into cfg_* tables (dbt's seeds) so the SQL models can join it. Holidays are
 * the national ones of every year in `years` plus the configured local ones.
 */
export async function writeSeeds(connection: DuckDBConnection, config: TransformConfig, years: number[]): Promise<void> {
  await connection.run(`
    create or replace table cfg_settings (privacy_k integer not null, dormant_days integer not null);
    create or replace table cfg_hours (entity_id varchar not null, isodow integer not null, open_time time not null, close_time time not null);
    create or replace table cfg_holidays (entity_id varchar, day date not null, name varchar not null);
    create or replace table cfg_campaigns (campaign_id varchar not null, name varchar not null, entity_id varchar,
      hashtags varchar[] not null, keywords varchar[] not null, start_on date not null, end_on date not null, tail_days integer not null);
    create or replace table cfg_electoral_periods (period_id varchar not null, name varchar not null, start_on date not null,
      end_on date not null, entity_ids varchar[] not null);`);
  await connection.run("insert into cfg_settings values ($k, $dormant)", {k: config.privacyK, dormant: config.dormantDays});
  for (const h of config.hours) {
    await connection.run("insert into cfg_hours values ($entity_id, $isodow, $open::time, $close::time)", {...h});
  }
  const national = years.flatMap((year) => italianHolidays(year).map((h) => ({...h, entity_id: null})));
  for (const h of [...national, ...config.holidays]) {
    await connection.run("insert into cfg_holidays values ($entity_id, $day::date, $name)", {...h} as never);
  }
  for (const c of config.campaigns) {
    await connection.run(
      `insert into cfg_campaigns values ($campaign_id, $name, $entity_id, $hashtags::json::varchar[], $keywords::json::varchar[],
        $start_on::date, $end_on::date, $tail_days)`,
      {...c, hashtags: JSON.stringify(c.hashtags), keywords: JSON.stringify(c.keywords)} as never);
  }
  for (const p of config.electoralPeriods) {
    await connection.run(
      "insert into cfg_electoral_periods values ($period_id, $name, $start_on::date, $end_on::date, $entity_ids::json::varchar[])",
      {...p, entity_ids: JSON.stringify(p.entity_ids)});
  }
}
