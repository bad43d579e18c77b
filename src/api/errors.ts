/**
 * Every error that reaches the API's last handler becomes a problem: the domain's errors, the
 * body parser's and express's client errors keep their meaning; anything else is a logged 500
 * that reveals nothing of its cause.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { EditConflictError, FieldValidationError, NotFoundError, PermissionDeniedError } from '../domain/errors.js';
import { UploadRefused } from '../http/file-upload.js';
import { etagOf } from './conditional-requests.js';
import { HttpProblem, sendProblem } from './problem.js';

/** body-parser's error types (error.type) that are the client's doing. */
const BODY_ERRORS: Record<string, HttpProblem> = {
  'entity.parse.failed': new HttpProblem(400, 'The request body is not valid JSON.'),
  'entity.too.large': new HttpProblem(413, 'The request body is too large.'),
  'encoding.unsupported': new HttpProblem(415, 'The request body has an unsupported content encoding.'),
  'charset.unsupported': new HttpProblem(415, 'The request body must be UTF-8 encoded JSON.'),
  'request.aborted': new HttpProblem(400, 'The request body ended early.'),
  'request.size.invalid': new HttpProblem(400, 'The request body is shorter or longer than its Content-Length.'),
};

export const VALIDATION_DETAIL = 'Some fields are invalid: see errors.';

export function toProblem(error: unknown): HttpProblem | null {
  if (error instanceof HttpProblem) return error;
  if (error instanceof FieldValidationError)
    return new HttpProblem(422, VALIDATION_DETAIL, { errors: { ...error.fieldErrors } });
  if (error instanceof PermissionDeniedError) return new HttpProblem(403, error.message);
  if (error instanceof NotFoundError) return new HttpProblem(404, `${error.resource} #${error.id} does not exist.`);
  if (error instanceof EditConflictError) return staleVersionProblem(error);
  if (error instanceof UploadRefused) return new HttpProblem(error.status, error.message);
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (typeof type === 'string' && Object.hasOwn(BODY_ERRORS, type)) return BODY_ERRORS[type]!;
  // express's own client errors, e.g. a path parameter that is not valid percent-encoding.
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new HttpProblem(status, 'The request is malformed.');
  return null;
}

/** 412: who changed the record and when, and the current ETag to read it again with. */
function staleVersionProblem({ resource, current, expectedVersion, lastChange }: EditConflictError): HttpProblem {
  const who = lastChange?.actorName ? ` by ${lastChange.actorName}` : '';
  const by = lastChange ? ` It was last changed${who} at ${lastChange.at.toISOString()}.` : '';
  return new HttpProblem(
    412,
    `${resource} #${current.id} is at version ${current.version}, not ${expectedVersion}: ` +
      `someone else changed it since you read it.${by} Nothing was written; read it again and reapply your change.`,
    { headers: { ETag: etagOf(resource, current.version) } },
  );
}

export const apiNotFound: RequestHandler = (req, res) => {
  sendProblem(req, res, new HttpProblem(404, `There is nothing at ${req.method} ${req.originalUrl.split('?')[0]}.`));
};

export function apiErrorHandler(log: (message: string, error: unknown) => void): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const problem = toProblem(error);
    if (problem) return sendProblem(req, res, problem);
    log(`${req.method} ${req.baseUrl}${req.path} failed`, error);
    sendProblem(req, res, new HttpProblem(500, 'The server failed to answer this request. It has been logged.'));
  };
}
