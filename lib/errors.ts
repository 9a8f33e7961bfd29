/** A record that cannot be read: names the file, the record or line, the field and the reason. */
export class ParseError extends Error {
  constructor(
    readonly reason: string,
    readonly where: {file?: string; record?: number; line?: number; field?: string} = {}
  ) {
    super(formatWhere(reason, where));
    this.name = "ParseError";
  }
}

/** A problem the user can fix in the configuration or on the command line. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

function formatWhere(message: string, {file, record, line, field}: ParseError["where"]): string {
  const place = [
    file,
    line !== undefined ? `line ${line}` : undefined,
    record !== undefined ? `record ${record}` : undefined,
    field !== undefined ? `field ${field}` : undefined
  ].filter(Boolean);
  return place.length ? `${place.join(", ")}: ${message}` : message;
}

/** Adds the file name to a ParseError raised without one. */
export function inFile(error: unknown, file: string): Error {
  if (error instanceof ParseError && !error.where.file) return new ParseError(error.reason, {...error.where, file});
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ParseError || message.includes(file)) return error as Error;
  return new ParseError(message, {file});
}
