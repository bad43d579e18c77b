/**
 * The API tests' app: createTestApp() plus a client for /api/v1 whose every response is checked
 * against the served OpenAPI document (tests/support/api-contract.ts), and sign-in helpers.
 */
import type { Express } from 'express';
import request from 'supertest';
import type { Role } from '../../src/domain/accounts/permissions.js';
import { createContract, type Contract, type OpenApiDocument } from './api-contract.js';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestAppOptions } from './test-app.js';

export interface ApiRequest {
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, with `contentType` (default application/json). */
  raw?: string | Buffer;
  contentType?: string;
  query?: string | Record<string, string>;
  headers?: Record<string, string>;
}

export type Method = 'get' | 'head' | 'post' | 'patch' | 'put' | 'delete' | 'options';

export interface ApiClient {
  send(method: Method, path: string, options?: ApiRequest): Promise<request.Response>;
  get(path: string, options?: ApiRequest): Promise<request.Response>;
  post(path: string, options?: ApiRequest): Promise<request.Response>;
  patch(path: string, options?: ApiRequest): Promise<request.Response>;
  delete(path: string, options?: ApiRequest): Promise<request.Response>;
}

/** A client for `app`'s API; paths are relative to /api/v1. */
export function apiClient(app: Express, contract: Contract): ApiClient {
  async function send(method: Method, path: string, options: ApiRequest = {}): Promise<request.Response> {
    const query =
      typeof options.query === 'string' ? options.query : new URLSearchParams(options.query ?? {}).toString();
    const url = `/api/v1${path}${query ? `?${query}` : ''}`;
    let pending = request(app)[method](url);
    if (options.token) pending = pending.set('Authorization', `Bearer ${options.token}`);
    for (const [name, value] of Object.entries(options.headers ?? {})) pending = pending.set(name, value);
    if (options.raw !== undefined)
      pending = pending.set('Content-Type', options.contentType ?? 'application/json').send(options.raw);
    else if (options.body !== undefined) pending = pending.send(options.body as object);
    const response = await pending;
    contract.check(method, url, response);
    return response;
  }
  return {
    send,
    get: (path, options) => send('get', path, options),
    post: (path, options) => send('post', path, options),
    patch: (path, options) => send('patch', path, options),
    delete: (path, options) => send('delete', path, options),
  };
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  refreshTokenExpiresAt: string;
}

export interface SignedInUser {
  id: number;
  email: string;
  role: Role;
  token: string;
  refreshToken: string;
}

export interface ApiTestApp extends TestApp {
  api: ApiClient;
  contract: Contract;
  document: OpenApiDocument;
  /** POST /auth/token; throws unless it answers 200. */
  signInApi(email: string, password?: string): Promise<TokenPair>;
  /** A new user with this role, signed in over the API. */
  userWithToken(role: Role, overrides?: { email?: string }): Promise<SignedInUser>;
}

export async function createApiTestApp(options: TestAppOptions = {}): Promise<ApiTestApp> {
  const t = await createTestApp(options);
  const served = await request(t.app).get('/api/v1/openapi.json');
  if (served.status !== 200) throw new Error(`GET /api/v1/openapi.json answered ${served.status}`);
  const document = served.body as OpenApiDocument;
  const contract = createContract(document);
  const api = apiClient(t.app, contract);

  async function signInApi(email: string, password = TEST_PASSWORD): Promise<TokenPair> {
    const response = await api.post('/auth/token', { body: { email, password } });
    if (response.status !== 200)
      throw new Error(`API sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as TokenPair;
  }

  return {
    ...t,
    api,
    contract,
    document,
    signInApi,
    async userWithToken(role, overrides = {}) {
      const user = await t.createUser(role, overrides);
      const pair = await signInApi(user.email);
      return { id: user.id, email: user.email, role, token: pair.accessToken, refreshToken: pair.refreshToken };
    },
  };
}

/** A valid API body for a new customer, unique per call (numbers apart from customerForm's). */
let sequence = 0;
export function newCustomer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  const n = String(sequence).padStart(4, '0');
  return {
    firstName: 'Grace',
    lastName: `Hopper${n}`,
    email: `grace${n}@example.com`,
    phone: `+1 212 555 ${n}`,
    dateOfBirth: '1986-12-09',
    ...overrides,
  };
}
