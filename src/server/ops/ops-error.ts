/**
 * An operations command's expected failure: the message is for the operator (no stack trace), the
 * exit code 1 for a failure (damaged file, broken audit chain, a tool failed), 2 for a refusal
 * (wrong usage, a database in use or not empty without --force).
 */
export class OpsError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
