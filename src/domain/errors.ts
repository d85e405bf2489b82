// Errors and validation results of the domain functions. Dialogs map `code` to a catalog
// message; `message` is English, for logs only, and carries ids, never names or notes.

/** One problem found by a validation: what is wrong (`code`) and where (`field`). */
export interface ValidationIssue {
  code: string;
  /** The input field at fault, e.g. `targetProblems[1]` or `dueDate`. */
  field?: string;
  message: string;
}

/** Errors block saving; warnings are shown to the worker, who decides. */
export interface ValidationResult {
  ok: boolean;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}

export interface DomainErrorDetails {
  /** Every problem found, when the error comes from a validation. */
  issues?: ValidationIssue[];
  [key: string]: unknown;
}

export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: string,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
  }
}

/** Thrown by any change attempted on a closed case (closed cases are read-only). */
export class CaseClosedError extends DomainError {
  override name = 'CaseClosedError';

  constructor(readonly caseId: string) {
    super('caseClosed', `Case ${caseId} is closed and read-only`, { caseId });
  }
}

export function issue(code: string, message: string, field?: string): ValidationIssue {
  return field === undefined ? { code, message } : { code, field, message };
}

export function result(errors: ValidationIssue[], warnings: ValidationIssue[] = []): ValidationResult {
  return { ok: errors.length === 0, errors, warnings };
}

/**
 * Throws a DomainError for a failed validation: its code is the first error's, its
 * message lists them all, and `details.issues` keeps every one for the dialog.
 */
export function throwIfInvalid(validation: ValidationResult): void {
  const [first] = validation.errors;
  if (!first) return;
  const message = validation.errors.map((e) => e.message).join('; ');
  throw new DomainError(first.code, message, { issues: validation.errors });
}
