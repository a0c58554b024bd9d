/**
 * Application errors. `expose` decides whether `message` (Chinese, for people)
 * may be shown to the caller; everything else becomes an apology with a
 * reference id.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly expose = true,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message = '没有找到。') {
    super('not_found', message, 404);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = '没有权限。') {
    super('forbidden', message, 403);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = '请先登录。') {
    super('unauthorized', message, 401);
  }
}

/**
 * A value a person gave that cannot be used. The message is the Chinese reason
 * alone: staff read it as a WeChat reply, where an English field name would be
 * noise; the API answers with the field beside it.
 */
export class ValidationError extends AppError {
  constructor(field: string, reason: string) {
    super('invalid', reason, 400, true, field);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string) {
    super(code, message, 409);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string) {
    super('rate_limited', message, 429);
  }
}

/** A whole document refused (the directory, a calendar year): every problem with its path; nothing was changed. */
export class DocumentRejectedError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly problems: string[],
  ) {
    super(code, message, 400, true, problems[0]?.split(':')[0]);
  }
}
