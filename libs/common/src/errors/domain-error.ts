/**
 * A business rule said no. `code` is stable (`ORDER.MENU_NOT_PUBLISHED`) and the exception
 * filter maps `kind` to an HTTP status; `fields` names the offending input.
 */
export type DomainErrorKind =
  | 'invalid' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409
  | 'unprocessable'; // 422

export interface FieldProblem {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'unprocessable',
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string, id: string): DomainError {
    const code = `${what.toUpperCase().replace(/[^A-Z]+/g, '_')}.NOT_FOUND`;
    return new DomainError(code, `${what} ${id} not found`, 'not-found');
  }
}
