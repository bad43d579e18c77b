/**
 * Problem details (RFC 9457): every error of the API is an `application/problem+json` body with
 * type, title, status, detail and instance, plus `errors` ({field: message}) for invalid input.
 */
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  /** No problem types beyond the HTTP status are defined: always about:blank. */
  type: 'about:blank';
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: Record<string, string>;
}

/** An error the API answers with a problem: thrown by the API's own checks. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly options: { errors?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export function sendProblem(req: Request, res: Response, problem: HttpProblem): void {
  const body: Problem = {
    type: 'about:blank',
    title: STATUS_CODES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.detail,
    instance: req.originalUrl.split('?')[0] ?? req.originalUrl,
    ...(problem.options.errors ? { errors: problem.options.errors } : {}),
  };
  res
    .status(problem.status)
    .set(problem.options.headers ?? {})
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(body));
}
