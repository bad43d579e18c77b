/**
 * Every error status of the API as RFC 9457 problem details (application/problem+json with type,
 * title, status, detail, instance), and CORS: off by default, on for the allowed origins only.
 */
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiErrorHandler } from '../../src/api/errors.js';
import { createApp } from '../../src/app.js';
import {
  apiClient,
  createApiTestApp,
  newCustomer,
  type ApiClient,
  type ApiTestApp,
  type SignedInUser,
} from '../support/api-app.js';

let t: ApiTestApp;
let staff: SignedInUser;
let viewer: SignedInUser;

beforeAll(async () => {
  t = await createApiTestApp();
  staff = await t.userWithToken('STAFF');
  viewer = await t.userWithToken('VIEWER');
});
afterAll(async () => t.close());

function expectProblem(response: request.Response, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toEqual(
    expect.objectContaining({
      type: 'about:blank',
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance: expect.stringMatching(/^\/api\/v1\//),
    }),
  );
}

describe('problem details for every error status', () => {
  const cases: Array<[string, () => Promise<request.Response>, number, RegExp]> = [
    [
      'malformed JSON',
      () => t.api.post('/customers', { token: staff.token, raw: '{"firstName": "Ada",' }),
      400,
      /not valid JSON/,
    ],
    [
      'a JSON array body',
      () => t.api.post('/customers', { token: staff.token, raw: '[1, 2]' }),
      400,
      /must be a JSON object/,
    ],
    ['a bare JSON string', () => t.api.post('/customers', { token: staff.token, raw: '"Ada"' }), 400, /not valid JSON/],
    [
      'a bad query parameter',
      () => t.api.get('/customers', { token: staff.token, query: { pageSize: '1000' } }),
      400,
      /query parameters are invalid/,
    ],
    [
      'a path that is not valid percent-encoding',
      () => t.api.get('/customers/%E0%A4%A', { token: staff.token }),
      400,
      /malformed/,
    ],
    ['no access token', () => t.api.get('/customers'), 401, /needs an access token/],
    [
      'a role that may not',
      () => t.api.post('/customers', { token: viewer.token, body: newCustomer() }),
      403,
      /^A viewer may not create customer records\.$/,
    ],
    [
      'an unknown path',
      () => t.api.get('/customerz', { token: staff.token }),
      404,
      /There is nothing at GET \/api\/v1\/customerz/,
    ],
    [
      'an unknown customer',
      () => t.api.get('/customers/123456', { token: staff.token }),
      404,
      /^Customer #123456 does not exist\.$/,
    ],
    [
      'a method the path does not have',
      () => t.api.send('put', '/customers', { token: staff.token, body: {} }),
      405,
      /PUT is not allowed here/,
    ],
    [
      'a body over 32 kB',
      () => t.api.post('/customers', { token: staff.token, body: newCustomer({ notes: 'n'.repeat(40_000) }) }),
      413,
      /too large/,
    ],
    [
      'a body that is not JSON',
      () =>
        t.api.post('/customers', {
          token: staff.token,
          raw: 'firstName=Ada',
          contentType: 'application/x-www-form-urlencoded',
        }),
      415,
      /application\/json/,
    ],
    [
      'JSON in another charset',
      () =>
        t.api.post('/customers', { token: staff.token, raw: '{}', contentType: 'application/json; charset=latin1' }),
      415,
      /UTF-8/,
    ],
    [
      'invalid fields',
      () => t.api.post('/customers', { token: staff.token, body: newCustomer({ email: 'nope' }) }),
      422,
      /invalid: see errors/,
    ],
  ];

  it.each(cases)('%s → %i', async (_case, send, status, detail) => {
    const before = await t.prisma.customer.count();
    const response = await send();
    expectProblem(response, status);
    expect(response.body.detail).toMatch(detail);
    expect(await t.prisma.customer.count()).toBe(before);
  });

  it('405 names the allowed methods; OPTIONS answers them with 204', async () => {
    const refused = await t.api.send('put', '/customers/1', { token: staff.token });
    expect(refused.headers.allow).toBe('GET, PATCH, DELETE, HEAD, OPTIONS');
    const options = await t.api.send('options', '/customers');
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe('GET, POST, HEAD, OPTIONS');
  });

  it('too many sign-in attempts → 429 with Retry-After', async () => {
    const user = await t.createUser('STAFF');
    for (let i = 0; i < 5; i += 1)
      await t.api.post('/auth/token', { body: { email: user.email, password: 'wrong password!!' } });
    const response = await t.api.post('/auth/token', { body: { email: user.email, password: 'wrong password!!' } });
    expectProblem(response, 429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('HEAD answers the GET status without a body', async () => {
    const response = await t.api.send('head', '/customers', { token: staff.token });
    expect(response.status).toBe(200);
    expect(response.text ?? '').toBe('');
  });

  it('an unexpected failure is a 500 problem that reveals nothing, and is logged', async () => {
    const log = vi.fn();
    const app = express();
    app.get('/api/v1/boom', () => {
      throw new Error('secret detail: connection string postgres://user:pw@db');
    });
    app.use(apiErrorHandler(log));
    const response = await request(app).get('/api/v1/boom');
    expectProblem(response, 500);
    expect(response.text).not.toContain('secret');
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('CORS', () => {
  const ORIGIN = 'https://pos.example.com';

  it('is off by default: no CORS header, whatever the Origin', async () => {
    const response = await t.api.get('/customers', { token: staff.token, headers: { Origin: ORIGIN } });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.api.send('options', '/customers', {
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  describe('with CORS_ORIGINS set', () => {
    let api: ApiClient;
    beforeAll(() => {
      const { app } = createApp({
        config: { sessionSecret: 'test-session-secret-of-at-least-32-chars', nodeEnv: 'test', corsOrigins: [ORIGIN] },
        prisma: t.prisma,
        services: t.services,
      });
      api = apiClient(app, t.contract);
    });

    it('allows the listed origins, exposing the headers clients need', async () => {
      const response = await api.get('/customers', { token: staff.token, headers: { Origin: ORIGIN } });
      expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(response.headers['access-control-expose-headers']).toBe('ETag,Location,Retry-After,WWW-Authenticate');
      expect(response.headers.vary).toMatch(/Origin/);
      const preflight = await api.send('options', '/customers', {
        headers: {
          Origin: ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(preflight.headers['access-control-allow-headers']).toBe(
        'Authorization,Content-Type,If-Match,If-None-Match',
      );
      expect(preflight.headers['access-control-allow-methods']).toBe('GET,HEAD,POST,PATCH,DELETE');
    });

    it('does not allow other origins', async () => {
      const response = await api.get('/customers', { token: staff.token, headers: { Origin: 'https://evil.example' } });
      expect(response.status).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
