import type { ErrorRequestHandler, RequestHandler } from 'express';

export const notFound: RequestHandler = (req, res) => {
  res.status(404);
  if (req.accepts(['html', 'json']) === 'json' || req.path.startsWith('/api/')) {
    res.json({ error: 'Not found' });
  } else {
    res.type('text/plain').send('Not found');
  }
};

/**
 * The last handler: a client error keeps its status (malformed JSON → 400, too large → 413); any
 * other error is logged and answered with a plain 500 that reveals nothing of its cause.
 */
export function errorHandler(log: (message: string, error: unknown) => void): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) log(`${req.method} ${req.path} failed`, error);
    res.status(status).type('text/plain').send(status === 500 ? 'Internal server error' : 'Bad request');
  };
}
