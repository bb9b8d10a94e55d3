/** A problem with what the person asked for (a missing file, a date that is not one): one line, no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    /** 1: the input has problems (as `catalogue check` reports them); 2: the command could not run. */
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
