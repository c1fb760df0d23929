/** Typed error codes, mapped in one place to an HTTP status and a sentence a person can act on. */
export type ErrorType = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "rate_limited";
export type ErrorCode = `${ErrorType}:${string}`;

const statusOf: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

const defaultMessage: Record<ErrorType, string> = {
  bad_request: "Some of the information is not valid. Check the highlighted fields.",
  unauthorized: "You need to sign in to do that.",
  forbidden: "You do not have permission to do that.",
  not_found: "We could not find that. It may have been removed, or you may not have access to it.",
  conflict: "Someone else changed this while you were editing. Reload to see their change, then try again.",
  rate_limited: "Too many attempts. Wait a few minutes and try again.",
};

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  constructor(code: ErrorCode, message?: string, fields?: FieldErrors) {
    const type = code.split(":")[0] as ErrorType;
    super(message ?? defaultMessage[type]);
    this.code = code;
    this.fields = fields;
  }
  get type(): ErrorType {
    return this.code.split(":")[0] as ErrorType;
  }
  get status(): number {
    return statusOf[this.type];
  }
  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const notFound = (entity: string) => new AppError(`not_found:${entity}`);
export const forbidden = (entity: string, message?: string) => new AppError(`forbidden:${entity}`, message);
export const invalid = (entity: string, fields: FieldErrors, message?: string) =>
  new AppError(`bad_request:${entity}`, message, fields);
