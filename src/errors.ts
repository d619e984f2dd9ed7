/**
 * Typed errors. Every error that leaves a stage carries the file, the stage and, where known,
 * the page, so a failure in a batch of thousands names exactly what went wrong where.
 */
export type Stage =
  'read' | 'decode' | 'layout' | 'segment' | 'table' | 'records' | 'flags' | 'ocr' | 'store' | 'queue';

export interface ErrorContext {
  file?: string;
  stage?: Stage;
  page?: number;
  cause?: unknown;
}

/** Base class: a failure of ours, with context. */
export class IkiError extends Error {
  readonly code: string;
  readonly file: string | undefined;
  readonly stage: Stage | undefined;
  readonly page: number | undefined;

  constructor(code: string, message: string, ctx: ErrorContext = {}) {
    super(message, ctx.cause === undefined ? undefined : { cause: ctx.cause });
    this.name = 'IkiError';
    this.code = code;
    this.file = ctx.file;
    this.stage = ctx.stage;
    this.page = ctx.page;
  }

  /** One line for a terminal or a log: `file: page 3: reason`. */
  describe(): string {
    const where = [this.file, this.page === undefined ? undefined : `page ${this.page}`]
      .filter(Boolean)
      .join(': ');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

/** The input itself is bad (empty, binary, encrypted, unsupported): retrying will not help. */
export class BadInputError extends IkiError {
  constructor(message: string, ctx: ErrorContext = {}) {
    super('BAD_INPUT', message, ctx);
    this.name = 'BadInputError';
  }
}

/** The input is larger than a configured limit. */
export class InputTooLargeError extends IkiError {
  constructor(message: string, ctx: ErrorContext = {}) {
    super('INPUT_TOO_LARGE', message, ctx);
    this.name = 'InputTooLargeError';
  }
}

export function describeError(err: unknown): string {
  if (err instanceof IkiError) return err.describe();
  if (err instanceof Error) return err.message;
  return String(err);
}
