// The CLI's exit codes (README, "Exit codes") and the one error type its commands throw.

export const enum ExitCode {
  /** Everything checked out, or the command did what it was asked. */
  Ok = 0,
  /** Something was found wrong: a bank or note with errors, a plan out of date or left untouched. */
  Failure = 1,
  /** The command line or the settings cannot be used: nothing was read or written. */
  Usage = 2,
  /** A file or folder could not be read or written. */
  Io = 3,
}

/** An error the user can act on: printed as one line, without a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}
