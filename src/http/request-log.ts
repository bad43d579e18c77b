/**
 * One log line per request: request id, method, path, status, response time — and nothing
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

/** The path without its query string. originalUrl: routers mounted on a path (/admin) rewrite req.url. */
function pathOf(req: IncomingMessage): string {
  return ((req as Request).originalUrl ?? req.url ?? '').split('?')[0]!;
}

function summary(req: IncomingMessage, res: ServerResponse, responseTime: number) {
  return { method: req.method, path: pathOf(req), status: res.statusCode, responseTime };
}

/**
 * Health probes come every few seconds from a load balancer or an orchestrator: an answer is news
 * only when it fails, so a successful one is logged at debug level (LOG_LEVEL=debug shows them).
 */
const PROBE_PATHS = new Set(['/healthz', '/readyz']);

function levelOf(req: IncomingMessage, res: ServerResponse, error?: Error): 'error' | 'debug' | 'info' {
  if (error || res.statusCode >= 500) return 'error';
  return PROBE_PATHS.has(pathOf(req)) ? 'debug' : 'info';
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
    customLogLevel: levelOf,
    customSuccessObject: (req, res, timing: { responseTime: number }) => summary(req, res, timing.responseTime),
    customErrorObject: (req, res, _error, timing: { responseTime: number }) => summary(req, res, timing.responseTime),
    customSuccessMessage: (_req, res) => (res.writableFinished ? 'request completed' : 'request aborted'),
    customErrorMessage: () => 'request failed',
  }) as RequestHandler;
}
