/**
 * The REST API v1 router: CORS (only for the allowed origins), the OpenAPI document and its
 * interactive docs, the operations, and problem details for every error. JSON bodies are parsed
 * here, per operation — never before the admin router, which parses its own.
 */
import cors from 'cors';
import express, { type RequestHandler, type Router } from 'express';
import type { Services } from '../domain/services.js';
import type { Logger } from '../logger.js';
import { createAccessTokens, deriveAccessTokenKey } from './auth/access-tokens.js';
import { bearerAuthentication } from './auth/bearer.js';
import { docsRoutes } from './docs.js';
import { apiErrorHandler, apiNotFound } from './errors.js';
import { openApiDocument } from './openapi.js';
import { mountOperations } from './operation.js';
import { authOperations } from './routes/auth.js';
import { customerOperations } from './routes/customers.js';
import { importOperations } from './routes/imports.js';
import { userOperations } from './routes/users.js';

export interface ApiDeps {
  services: Services;
  /** The access-token signing key is derived from it. */
  sessionSecret: string;
  /** Browser origins allowed to call the API (CORS); empty: no CORS headers at all. */
  corsOrigins: readonly string[];
  /** Writes of a customer or account must carry If-Match (else 428). Default: not required. */
  requireIfMatch?: boolean;
  logger: Logger;
}

// Customer records are personal data: no shared cache keeps a copy, and token answers are never cached (RFC 6749 5.1).
const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

export function createApiRouter(deps: ApiDeps): Router {
  const { services, sessionSecret, corsOrigins, requireIfMatch = false, logger } = deps;
  const accessTokens = createAccessTokens({ key: deriveAccessTokenKey(sessionSecret), clock: services.clock });
  const operations = [
    ...authOperations({ services, accessTokens, logger }),
    ...importOperations({ services }),
    ...customerOperations({ services, requireIfMatch }),
    ...userOperations({ services, requireIfMatch }),
  ];
  const document = openApiDocument(operations);

  const router = express.Router();
  if (corsOrigins.length > 0) {
    router.use(
      cors({
        origin: [...corsOrigins],
        methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
        allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match'],
        exposedHeaders: ['ETag', 'Location', 'Retry-After', 'WWW-Authenticate'],
        maxAge: 600,
      }),
    );
  }
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(docsRoutes());
  router.use(noStore);
  mountOperations(router, operations, { authenticate: bearerAuthentication(accessTokens, services.refreshTokens) });
  router.use(apiNotFound);
  router.use(apiErrorHandler((message, error) => logger.error({ err: error }, message)));
  return router;
}
