import {ConfigError} from "./errors.ts";

export type LogFormat = "human" | "json";
export type LogLevel = "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  format?: LogFormat;
  /** Where a finished line goes; stderr by default, so stdout stays for results (`--json`, tables). */
  write?: (line: string) => void;
  /** Prefix human lines with the time: on when the output is not a terminal (cron mail, a log file). */
  timestamps?: boolean;
  now?: () => Date;
}

/**
 * A logger for operators: one readable line per event on a terminal, or one JSON object per line
 * (`{"time","level","msg",...fields}`) for schedulers and log collectors.
 */
export function createLogger({
  format = "human",
  write = (line) => process.stderr.write(line + "\n"),
  timestamps = !process.stderr.isTTY,
  now = () => new Date()
}: LoggerOptions = {}): Logger {
  const emit = (level: LogLevel) => (message: string, fields: LogFields = {}) => {
    if (format === "json") return write(JSON.stringify({time: now().toISOString(), level, msg: message, ...jsonSafe(fields)}));
    const prefix = [timestamps ? now().toISOString() : "", level === "info" ? "" : `${level}:`].filter(Boolean).join(" ");
    write(prefix ? `${prefix} ${message}` : message);
  };
  return {info: emit("info"), warn: emit("warn"), error: emit("error")};
}

/** `--log-format` (or ASCOLTO_LOG_FORMAT), checked. */
export function logFormat(value: string | undefined = process.env.ASCOLTO_LOG_FORMAT): LogFormat {
  if (value === undefined || value === "human" || value === "json") return value ?? "human";
  throw new ConfigError(`--log-format must be human or json, not ${JSON.stringify(value)}`);
}

// BIGINT from DuckDB and Error objects do not survive JSON.stringify as they are
function jsonSafe(fields: LogFields): LogFields {
  return JSON.parse(JSON.stringify(fields, (_, value: unknown) =>
    typeof value === "bigint" ? Number(value) : value instanceof Error ? value.message : value));
}
