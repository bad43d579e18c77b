/**
 * The OpenAPI 3.1 document, generated from the operations' own declarations and zod schemas
 * (the ones that validate the requests), with the roles each operation allows read from the
 * permission matrix.
 */
import {
  OpenApiGeneratorV31,
  OpenAPIRegistry,
  type ResponseConfig,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import type { ZodTypeAny } from 'zod';
import { can, ROLES } from '../domain/accounts/permissions.js';
import { ACCESS_TOKEN_LIFETIME_SECONDS } from './auth/access-tokens.js';
import type { Operation, OperationSchemas, ResponseDoc } from './operation.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { ProblemSchema, ValidationProblemSchema } from './schemas/common.js';

const DESCRIPTION = `JSON API over the customer records of the back-office, with the panel's rules: the same
validation and messages, the same permission matrix, the same audit log.

**Signing in.** \`POST /auth/token\` with a staff account's email and password answers an access token
(a JWT, valid ${ACCESS_TOKEN_LIFETIME_SECONDS / 60} minutes) and a refresh token. Send the access token as
\`Authorization: Bearer …\`; exchange the refresh token at \`POST /auth/refresh\` for a new pair (each refresh
token works once); \`POST /auth/logout\` ends the sign-in. The account and its sign-in are checked on every
request: logging out, deactivating the account or changing its password ends access at once.

**Errors** are \`application/problem+json\` (RFC 9457): 400 malformed request (bad JSON, bad query
parameter), 401 no or bad access token, 403 the role does not allow it, 404 no such record, 405 method
not allowed, 412 the record changed since the version named in If-Match, 413 body too large, 415 body not
JSON, 422 invalid fields (\`errors\`: one message per field, also for an email or phone number already held),
428 If-Match required, 429 too many sign-in attempts.

**No lost edits.** Every customer and staff account answer carries an \`ETag\` naming the record's version
(\`"v3"\`; the body's \`version\` is the same number). Send it back as \`If-Match\` with PATCH, DELETE or restore:
if someone else changed the record in between, the answer is 412 with the current ETag and nothing is written.
Without If-Match a write applies to the record as it is (the last write wins) unless the server runs with
REQUIRE_IF_MATCH=true (then 428). \`If-None-Match\` on GET answers 304 while your copy is current.`;

const problem = (description: string, schema: ZodTypeAny = ProblemSchema): ResponseConfig => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema } },
});

const UNAUTHENTICATED: ResponseConfig = {
  ...problem('No access token, or an invalid or expired one, or the account can no longer sign in.'),
  headers: { 'WWW-Authenticate': { description: 'Bearer challenge (RFC 6750).', schema: { type: 'string' } } },
};

const fileText = { type: 'string' } as const;
const fileBytes = { type: 'string', contentMediaType: 'application/octet-stream' } as const;

function documentedResponse(doc: ResponseDoc): ResponseConfig {
  if (doc.problem) return { ...problem(doc.description), headers: doc.headers };
  if (doc.files) {
    const file = (type: string) => ({ schema: type.startsWith('text/') ? fileText : fileBytes });
    return {
      description: doc.description,
      headers: doc.headers,
      content: Object.fromEntries(doc.files.map((type) => [type, file(type)])),
    };
  }
  return {
    description: doc.description,
    headers: doc.headers,
    ...(doc.schema ? { content: { 'application/json': { schema: doc.schema } } } : {}),
  };
}

/** The error answers every operation of this shape can give. */
function impliedErrors(op: Operation): Record<number, ResponseConfig> {
  const errors: Record<number, ResponseConfig> = {};
  if (op.query || op.body || op.params)
    errors[400] = problem('Malformed request: see detail (and errors, for query parameters).');
  if (op.access.kind !== 'public') errors[401] = UNAUTHENTICATED;
  if (op.access.kind === 'permission') errors[403] = problem('The role of the signed-in account does not allow this.');
  if (op.params) errors[404] = problem('No such record.');
  if (op.body) {
    errors[413] = problem('The request body is too large.');
    errors[415] = problem('The request body is not JSON.');
    errors[422] = problem('Invalid fields: one message per field in errors.', ValidationProblemSchema);
  }
  if (op.upload) {
    errors[400] = problem('Malformed request: see detail.');
    errors[413] = problem('The file is too large.');
    errors[415] = problem('The body is not a form with a file, nor a file of an accepted type.');
    errors[422] = problem(
      'The file or the options cannot be used: one message per field in errors.',
      ValidationProblemSchema,
    );
  }
  return errors;
}

function whoMayCall(op: Operation): string {
  if (op.access.kind === 'public') return 'No access token needed.';
  if (op.access.kind === 'signedIn') return 'Any signed-in role.';
  const { resource, action } = op.access;
  return `Roles: ${ROLES.filter((role) => can(role, resource, action)).join(', ')}.`;
}

function routeOf(op: Operation): RouteConfig {
  const schemas: OperationSchemas = op;
  const responses: Record<number, ResponseConfig> = { ...impliedErrors(op) };
  for (const [status, doc] of Object.entries(op.responses)) responses[Number(status)] = documentedResponse(doc);
  return {
    method: op.method,
    path: op.path,
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, whoMayCall(op)].filter(Boolean).join('\n\n'),
    security: op.access.kind === 'public' ? [] : [{ bearerAuth: [] }],
    request: {
      ...(schemas.params ? { params: schemas.params } : {}),
      ...(op.requestHeaders ? { headers: op.requestHeaders } : {}),
      ...(schemas.query ? { query: schemas.query as NonNullable<RouteConfig['request']>['query'] } : {}),
      ...(schemas.body
        ? { body: { required: true, content: { 'application/json': { schema: schemas.body.schema } } } }
        : {}),
      ...(op.upload ? { body: { required: true, ...op.upload } } : {}),
    },
    responses,
  };
}

export function openApiDocument(operations: readonly Operation[]) {
  const registry = new OpenAPIRegistry();
  registry.register('Problem', ProblemSchema);
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The accessToken answered by POST /auth/token or POST /auth/refresh.',
  });
  for (const op of operations) registry.registerPath(routeOf(op));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Customer Back-office API', version: '1', description: DESCRIPTION },
    servers: [{ url: '/api/v1' }],
    tags: [
      { name: 'Authentication', description: 'Tokens and the signed-in account.' },
      { name: 'Customers', description: 'Customer records; deletes are soft.' },
      { name: 'Users', description: 'Staff accounts (superusers only).' },
    ],
  });
}
