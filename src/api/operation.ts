/**
 * An API operation is declared once — method, path, who may call it, the zod schemas of its
 * query, path and body, its answers — and that declaration is both mounted on the router (which
 * checks access and validates input before the handler runs) and written into the OpenAPI
 * document. Routes and documentation cannot drift apart.
 */
import type { User } from '@prisma/client';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { AnyZodObject, ZodTypeAny, z } from 'zod';
import { assertCan, type Action, type Actor, type ProtectedResource } from '../domain/accounts/permissions.js';
import { asyncRoute, runMiddleware } from '../http/async-route.js';
import { VALIDATION_DETAIL } from './errors.js';
import { HttpProblem } from './problem.js';
import { fieldErrorsOf } from './schemas/common.js';

export type Method = 'get' | 'post' | 'patch' | 'delete';

export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  /** Checked against the permission matrix before anything else. */
  | { kind: 'permission'; resource: ProtectedResource; action: Action };

export const publicAccess = { kind: 'public' } as const;
export const signedIn = { kind: 'signedIn' } as const;
export const allowed = (resource: ProtectedResource, action: Action) =>
  ({ kind: 'permission', resource, action }) as const;

/**
 * `api`: the body is validated with the schema here. `domain`: the schema documents fields that a
 * domain service validates (with the messages the panel shows); here only unknown fields are refused.
 */
export interface BodySpec {
  schema: AnyZodObject;
  validatedBy: 'api' | 'domain';
}

export interface ResponseDoc {
  description: string;
  /** JSON body (problems are application/problem+json). */
  schema?: ZodTypeAny;
  /** A file instead of JSON: its media types (e.g. text/csv), each a string or binary body. */
  files?: readonly string[];
  problem?: boolean;
  headers?: ResponseConfig['headers'];
}

export interface Caller {
  user: User;
  actor: Actor;
}

/** A request body the handler reads itself (a file upload), documented with its media types. */
export interface UploadDoc {
  description: string;
  content: Record<string, { schema: ZodTypeAny }>;
}

export interface Reply {
  status: number;
  /** Sent as JSON; a string is sent as it is, with the Content-Type given in headers. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Writes a body that is not JSON (a file) to the response, as it is produced; not run for HEAD. */
  stream?: (res: Response) => Promise<void>;
}

type Output<S> = S extends ZodTypeAny ? z.output<S> : undefined;
type BodyOf<B> = B extends { validatedBy: 'api'; schema: infer S }
  ? Output<S>
  : B extends BodySpec
    ? Record<string, unknown>
    : undefined;

export interface OperationContext<A extends Access, Q, P, B> {
  req: Request;
  caller: A extends { kind: 'public' } ? null : Caller;
  query: Output<Q>;
  params: Output<P>;
  body: BodyOf<B>;
}

export interface OperationSpec<
  A extends Access,
  Q extends ZodTypeAny | undefined,
  P extends AnyZodObject | undefined,
  B extends BodySpec | undefined,
> {
  operationId: string;
  method: Method;
  /** OpenAPI path template under /api/v1, e.g. /customers/{id}. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: A;
  query?: Q;
  params?: P;
  body?: B;
  /** Request headers the operation reads (documented only; it reads them itself, e.g. If-Match). */
  requestHeaders?: AnyZodObject;
  upload?: UploadDoc;
  /** The answers of this operation; the error answers implied by access, params, query and body are added. */
  responses: Record<number, ResponseDoc>;
  handle(context: OperationContext<A, Q, P, B>): Promise<Reply>;
}

/** Any operation: what a list of operations with different schemas holds. */
// A declared boundary: operation() type-checked each spec against its own schemas; a list of them
// holds different ones, which only `any` expresses (unknown would reject every handler).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Operation = OperationSpec<Access, any, any, any>;

/** An operation's schemas, typed for the code that reads any operation (mounting, documenting). */
export interface OperationSchemas {
  query?: ZodTypeAny;
  params?: AnyZodObject;
  body?: BodySpec;
}

export function operation<
  A extends Access,
  Q extends ZodTypeAny | undefined = undefined,
  P extends AnyZodObject | undefined = undefined,
  B extends BodySpec | undefined = undefined,
>(spec: OperationSpec<A, Q, P, B>): Operation {
  return spec;
}

const JSON_BODY_TYPES = ['application/json', 'application/*+json'];
const JSON_BODY_LIMIT = '32kb';

export interface MountDeps {
  /** Who sends the request, from its access token; throws a 401 HttpProblem. */
  authenticate(req: Request): Promise<Caller>;
}

/** Mounts every operation; other methods on a known path answer 405 (OPTIONS: 204) with Allow. */
export function mountOperations(router: Router, operations: readonly Operation[], deps: MountDeps): void {
  const parseJson = express.json({ limit: JSON_BODY_LIMIT, type: JSON_BODY_TYPES });
  const paths = [...new Set(operations.map((op) => op.path))];
  for (const path of paths) {
    const route = router.route(path.replace(/\{(\w+)\}/g, ':$1'));
    const here = operations.filter((op) => op.path === path);
    for (const op of here) route[op.method](handlerFor(op, deps, parseJson));
    route.all(otherMethods(here.map((op) => op.method.toUpperCase())));
  }
}

function handlerFor(op: Operation, deps: MountDeps, parseJson: RequestHandler): RequestHandler {
  return asyncRoute(async (req, res) => {
    const caller = op.access.kind === 'public' ? null : await deps.authenticate(req);
    if (op.access.kind === 'permission') assertCan(caller!.actor, op.access.resource, op.access.action);
    const schemas: OperationSchemas = op;
    const params = schemas.params ? parsePathParams(schemas.params, req) : undefined;
    const query = schemas.query ? parseQuery(schemas.query, req.query) : undefined;
    const body = schemas.body ? await readBody(schemas.body, req, res, parseJson) : undefined;
    await send(req, res, await op.handle({ req, caller, params, query, body }));
  });
}

function parsePathParams(schema: AnyZodObject, req: Request): unknown {
  const parsed = schema.safeParse(req.params);
  if (!parsed.success) throw new HttpProblem(404, `There is nothing at ${req.originalUrl.split('?')[0]}.`);
  return parsed.data;
}

function parseQuery(schema: ZodTypeAny, query: unknown): unknown {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    throw new HttpProblem(400, 'Some query parameters are invalid: see errors.', {
      errors: fieldErrorsOf(parsed.error, 'Unknown query parameter.'),
    });
  }
  return parsed.data;
}

async function readBody(
  spec: BodySpec,
  req: Request,
  res: Response,
  parseJson: RequestHandler,
): Promise<Record<string, unknown>> {
  if (req.is(JSON_BODY_TYPES) === false) throw new HttpProblem(415, 'Send the request body as application/json.');
  await runMiddleware(parseJson, req, res);
  // No body at all reads as {}: the fields it lacks are reported one by one.
  const body: unknown = req.body ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpProblem(400, 'The request body must be a JSON object.');
  const fields = spec.schema.shape as Record<string, unknown>;
  const unknownFieldMessage = `Unknown field; the fields are ${Object.keys(fields).join(', ')}.`;
  if (spec.validatedBy === 'domain') {
    const unknown = Object.keys(body).filter((key) => !Object.hasOwn(fields, key));
    if (unknown.length > 0) throw invalidFields(Object.fromEntries(unknown.map((key) => [key, unknownFieldMessage])));
    return body as Record<string, unknown>;
  }
  const parsed = spec.schema.safeParse(body);
  if (!parsed.success) throw invalidFields(fieldErrorsOf(parsed.error, unknownFieldMessage));
  return parsed.data;
}

function invalidFields(errors: Record<string, string>): HttpProblem {
  return new HttpProblem(422, VALIDATION_DETAIL, { errors });
}

async function send(req: Request, res: Response, reply: Reply): Promise<void> {
  res.status(reply.status).set(reply.headers ?? {});
  if (reply.stream && req.method !== 'HEAD') await reply.stream(res);
  else if (reply.body === undefined) res.end();
  else if (typeof reply.body === 'string') res.send(reply.body);
  else res.json(reply.body);
}

function otherMethods(methods: string[]): RequestHandler {
  const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  return (req, res, next) => {
    res.set('Allow', allow);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next(new HttpProblem(405, `${req.method} is not allowed here; allowed: ${allow}.`));
  };
}
