/** The services' error body: `{ statusCode, code, message, fields: [{ field, reason }] }`. */
export interface FieldProblem {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }

  /** Refused because one person may not do both steps (R-PROC-4, R-PROC-7). */
  get separationOfDuties(): boolean {
    return /SEPARATION_OF_DUTIES|SAME_SIGNATORY|OWN_PENALTY/.test(this.code);
  }
}

/** Reads whatever a failed response carried into an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const message = Array.isArray(b.message)
      ? b.message.map(String).join('; ')
      : typeof b.message === 'string'
        ? b.message
        : '';
    const fields = Array.isArray(b.fields)
      ? (b.fields as unknown[])
          .filter((f): f is FieldProblem => !!f && typeof (f as FieldProblem).field === 'string')
          .map((f) => ({ field: f.field, reason: String(f.reason ?? '') }))
      : [];
    return new ApiError(
      status,
      typeof b.code === 'string' ? b.code : `HTTP.${status}`,
      message || `HTTP ${status}`,
      fields,
    );
  }
  return new ApiError(
    status,
    `HTTP.${status}`,
    typeof body === 'string' && body ? body : `HTTP ${status}`,
  );
}

/** "lines[0].price" → ["lines", 0, "price"]; "observations.TOFU" → ["observations", "TOFU"]. */
export function fieldPath(field: string): (string | number)[] {
  return field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface FormErrors {
  /** Errors for fields the form shows, in antd's `setFields` shape. */
  fields: { name: (string | number)[]; errors: string[] }[];
  /** The message for the form as a whole, with the problems no field of the form shows. */
  general?: string;
}

/**
 * Maps a service error onto a form: each problem goes next to its field when the form has it
 * (`known` are the form's top-level field names; `aliases` maps service names to form names),
 * everything else into the general message.
 */
export function toFormErrors(
  error: ApiError,
  known: readonly string[],
  aliases: Record<string, string> = {},
): FormErrors {
  const fields: FormErrors['fields'] = [];
  const unplaced: string[] = [];
  for (const problem of error.fields) {
    const path = fieldPath(aliases[problem.field] ?? problem.field);
    if (path.length && known.includes(String(path[0]))) {
      const existing = fields.find((f) => f.name.join('.') === path.join('.'));
      if (existing) existing.errors.push(problem.reason);
      else fields.push({ name: path, errors: [problem.reason] });
    } else unplaced.push(`${problem.field}: ${problem.reason}`);
  }
  const general =
    fields.length && !unplaced.length ? undefined : [error.message, ...unplaced].join(' — ');
  return { fields, general };
}
