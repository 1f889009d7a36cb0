/** A mistake the user can fix (bad path, flag, rule file or configuration): one line, exit code 2, no stack. */
export class UserError extends Error {
  readonly exitCode = 2;
}

/** A user mistake located in a file. */
export class LocatedError extends UserError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `${file}:${line}:${column}: ${reason}` : `${file}: ${reason}`);
  }
}

/** Several user mistakes found at once (every bad rule file): one line each. */
export class UserErrors extends UserError {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}
