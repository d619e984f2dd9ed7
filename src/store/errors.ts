/** Store errors beyond src/errors.ts: the API maps NotFoundError to 404 and StateConflictError to 409. */
import { type ErrorContext, IkiError } from '../errors.js';

/** A document, run, correction, flag or user that does not exist. */
export class NotFoundError extends IkiError {
  constructor(message: string, ctx: ErrorContext = {}) {
    super('NOT_FOUND', message, { stage: 'store', ...ctx });
    this.name = 'NotFoundError';
  }
}

/** The request does not fit the current state (undoing an edit that a later edit sits on, …). */
export class StateConflictError extends IkiError {
  constructor(message: string, ctx: ErrorContext = {}) {
    super('STATE_CONFLICT', message, { stage: 'store', ...ctx });
    this.name = 'StateConflictError';
  }
}
