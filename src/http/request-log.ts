/**
 * One JSON log line per request: request id, method, path, status, response time — and nothing
 * else. Headers (cookies, authorization), bodies (passwords) and the query string (the one-time
 * tokens of reset and invitation links travel in it: /admin/reset-password?token=…) are never
 * read into the line, so there is nothing to redact.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** An incoming id (from a proxy or a client) is kept when it looks like one: a UUID, a trace id. */
const ACCEPTABLE_REQUEST_ID = /^[\w.:=+/-]{1,128}$/;

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

function summary(req: IncomingMessage, res: ServerResponse, responseTime: number) {
  // originalUrl: routers mounted on a path (/admin) rewrite req.url while they handle it.
  const url = (req as Request).originalUrl ?? req.url ?? '';
  return { method: req.method, path: url.split('?')[0], status: res.statusCode, responseTime };
}

export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: requestId,
    customAttributeKeys: { reqId: 'requestId' },
    // Without these, pino-http binds its request and response objects, headers and all, to every line.
    quietReqLogger: true,
    quietResLogger: true,
    // It still serializes the request for a logger it will not use; keep that to the method.
    wrapSerializers: false,
    serializers: { req: (req: IncomingMessage) => ({ method: req.method }) },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (req, res, timing: { responseTime: number }) => summary(req, res, timing.responseTime),
    customErrorObject: (req, res, _error, timing: { responseTime: number }) => summary(req, res, timing.responseTime),
    customSuccessMessage: (_req, res) => (res.writableFinished ? 'request completed' : 'request aborted'),
    customErrorMessage: () => 'request failed',
  }) as RequestHandler;
}
