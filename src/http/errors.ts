import type { ErrorRequestHandler, RequestHandler } from 'express';

export const notFound: RequestHandler = (req, res) => {
  res.status(404);
  if (req.accepts(['html', 'json']) === 'json' || req.path.startsWith('/api/')) {
    res.json({ error: 'Not found' });
  } else {
    res.type('text/plain').send('Not found');
  }
};

/** The 4xx status a client error carries (body-parser: `status`; AdminJS: `statusCode`), or 500. */
function clientErrorStatus(error: unknown): number {
  const { status, statusCode } = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const carried = status ?? statusCode;
  return typeof carried === 'number' && carried >= 400 && carried < 500 ? carried : 500;
}

/**
 * The last handler: a client error keeps its status (malformed JSON → 400, too large → 413,
 * AdminJS's not found → 404); any other error is logged and answered with a plain 500 that
 * reveals nothing of its cause.
 */
export function errorHandler(log: (message: string, error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = clientErrorStatus(error);
    if (status === 500) log(`${req.method} ${req.path} failed`, error);
    res
      .status(status)
      .type('text/plain')
      .send(
        status === 500
          ? 'Internal server error'
          : status === 404
            ? 'Not found'
            : status === 403
              ? 'Forbidden'
              : 'Bad request',
      );
  };
}
