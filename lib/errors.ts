import en from "@/messages/en.json";

/** Typed error codes, mapped in one place to an HTTP status and a sentence a person can act on. */
export type ErrorType = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "payload_too_large" | "unsupported_type" | "rate_limited";
export type ErrorCode = `${ErrorType}:${string}`;

const statusOf: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_type: 415,
  rate_limited: 429,
};

/** The sentence of each type, from the English catalogue (lib/i18n/errors.ts says it in the requester's language). */
const defaultMessage: Record<ErrorType, string> = en.errors;

export type FieldErrors = Record<string, string>;



export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  /** The zod error behind a bad_request:input, so its fields can be answered in the requester's language. */
  issues?: import("zod").ZodError;
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
