/**
 * Express 4 ignores the promise a handler returns: a rejection would escape as an unhandled
 * rejection (and end the process) instead of reaching the error handler. Every async handler is
 * wrapped in this, so a failure always becomes `next(error)`.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export function asyncRoute(
  handler: (req: Request, res: Response, next: NextFunction) => Promise<unknown>,
): RequestHandler {
  return (req, res, next) => {
    handler(req, res, next).catch(next);
  };
}

/** Runs a middleware (a body parser, say) to its end inside an async handler. */
export function runMiddleware(middleware: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void middleware(req, res, (error?: unknown) => {
      if (error === undefined || error === null) resolve();
      else
        reject(
          error instanceof Error ? error : new Error('The middleware passed something other than an error to next().'),
        );
    });
  });
}
