import {ConfigError} from "./errors.ts";

/** How every verb ends, for schedulers and scripts: documented in README.md and docs/operations.md. */
export const exitCodes = {
  /** Everything asked for was done (or there was nothing new to do). */
  ok: 0,
  /** An unexpected failure: a bug, a full disk, a failed transform or site build. */
  internal: 1,
  /** Some files were rejected (each with its reason); the others were loaded. */
  rejected: 2,
  /** A problem in the configuration or on the command line that the user can fix. */
  config: 3,
  /** Another ascolto process holds the warehouse; nothing was done. */
  locked: 4,
  /** `collect`: the platform refused the credentials (missing, expired or revoked token). */
  credentials: 5
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** Errors that carry their own exit code (LockError, a collector's CredentialsError). */
export interface CodedError extends Error {
  exitCode: ExitCode;
}

/** The exit code for an error that ended a verb. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof ConfigError) return exitCodes.config;
  const code = (error as Partial<CodedError> | null)?.exitCode;
  return typeof code === "number" && Object.values(exitCodes).includes(code) ? code : exitCodes.internal;
}
