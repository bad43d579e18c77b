/**
 * The OpenAPI document: what it declares, that the router serves exactly what it declares, and
 * that the contract check every API test runs its responses through (tests/support/api-contract.ts)
 * does reject what the document does not allow. Also the docs page and its assets.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiRouter } from '../../src/api/router.js';
import { createLogger } from '../../src/logger.js';
import { createContract } from '../support/api-contract.js';
import { createApiTestApp, type ApiTestApp, type SignedInUser } from '../support/api-app.js';

let t: ApiTestApp;
let admin: SignedInUser;
beforeAll(async () => {
  t = await createApiTestApp();
  admin = await t.userWithToken('SUPERUSER');
});
afterAll(async () => t.close());

const OPERATIONS = [
  'post /auth/token',
  'post /auth/refresh',
  'post /auth/logout',
  'get /me',
  'get /customers',
  'get /customers/export',
  'post /customers',
  'get /customers/{id}',
  'patch /customers/{id}',
  'delete /customers/{id}',
  'post /customers/{id}/restore',
  'post /customers/imports',
  'post /customers/imports/{id}/dry-run',
  'post /customers/imports/{id}/apply',
  'get /customers/imports/{id}',
  'get /customers/imports/{id}/errors',
  'get /users',
  'post /users',
  'patch /users/{id}',
];

const documentedOperations = () =>
  Object.entries(t.document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ key: `${method} ${path}`, operation })),
  );

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with exactly the operations of the API, each described', () => {
    expect(t.document.openapi).toBe('3.1.0');
    expect(
      documentedOperations()
        .map(({ key }) => key)
        .sort(),
    ).toEqual([...OPERATIONS].sort());
    for (const { key, operation } of documentedOperations()) {
      const described = operation as unknown as {
        operationId?: string;
        summary?: string;
        tags?: string[];
        security?: unknown[];
      };
      expect(described.operationId, key).toMatch(/^[a-z][A-Za-z]+$/);
      expect(described.summary, key).toBeTruthy();
      expect(described.tags, key).toHaveLength(1);
      expect(described.security, key).toEqual(key.includes('/auth/') ? [] : [{ bearerAuth: [] }]);
    }
  });

  it('documents the roles each operation allows, read from the permission matrix', () => {
    const description = (key: string) =>
      (documentedOperations().find((entry) => entry.key === key)!.operation as unknown as { description: string })
        .description;
    expect(description('delete /customers/{id}')).toMatch(/Roles: SUPERUSER, MANAGER\.$/);
    expect(description('post /customers')).toMatch(/Roles: SUPERUSER, MANAGER, STAFF\.$/);
    expect(description('get /users')).toMatch(/Roles: SUPERUSER\.$/);
  });

  it('documents If-Match with 412 and 428 on every write of a record, and If-None-Match with 304 on its read', () => {
    const conditionalWrites = [
      'patch /customers/{id}',
      'delete /customers/{id}',
      'post /customers/{id}/restore',
      'patch /users/{id}',
    ];
    for (const { key, operation } of documentedOperations()) {
      const described = operation as unknown as { parameters?: Array<{ name: string; in: string }> };
      const headers = (described.parameters ?? []).filter((parameter) => parameter.in === 'header');
      const statuses = Object.keys(operation.responses);
      if (conditionalWrites.includes(key)) {
        expect(
          headers.map(({ name }) => name),
          key,
        ).toEqual(['If-Match']);
        expect(statuses, key).toEqual(expect.arrayContaining(['412', '428']));
      } else if (key === 'get /customers/{id}') {
        expect(
          headers.map(({ name }) => name),
          key,
        ).toEqual(['If-None-Match']);
        expect(statuses, key).toContain('304');
      } else {
        expect(statuses, key).not.toContain('412');
      }
    }
  });

  it('answers every error as a problem: 401 where a token is needed, 422 where there is a body', () => {
    for (const { key, operation } of documentedOperations()) {
      const statuses = Object.keys(operation.responses);
      for (const status of statuses.filter((code) => Number(code) >= 400)) {
        expect(Object.keys(operation.responses[status]!.content ?? {}), `${key} ${status}`).toEqual([
          'application/problem+json',
        ]);
      }
      if (!key.includes('/auth/')) expect(statuses, key).toContain('401');
      if (key.startsWith('post') || key.startsWith('patch')) {
        // Restore and apply take no body: there is nothing to be malformed.
        if (!key.endsWith('/restore') && !key.endsWith('/apply'))
          expect(statuses, key).toEqual(expect.arrayContaining(['400', '413', '415', '422']));
      }
    }
  });

  it('is what the router serves: every route documented, every documented operation routed', () => {
    const router = createApiRouter({
      services: t.services,
      sessionSecret: 'x'.repeat(32),
      corsOrigins: [],
      logger: createLogger('silent'),
    }) as unknown as {
      stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
    };
    const routed = router.stack
      .filter((layer) => layer.route)
      .flatMap(({ route }) =>
        Object.keys(route!.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method} ${route!.path.replace(/:(\w+)/g, '{$1}')}`),
      );
    // The docs page and its assets are a router of their own.
    expect(routed.sort()).toEqual([...OPERATIONS, 'get /openapi.json'].sort());
  });
});

describe('the contract check', () => {
  const contract = () => createContract(t.document);

  it('accepts the real answers', async () => {
    const response = await t.api.get('/me', { token: admin.token });
    expect(() => contract().check('GET', '/api/v1/me', response)).not.toThrow();
    expect(t.contract.checked).toBeGreaterThan(0);
  });

  it('rejects a body that differs from the schema, an undocumented status, and a wrong content type', async () => {
    const response = await t.api.get('/me', { token: admin.token });
    const tampered = (changes: Partial<request.Response>) => ({ ...response, ...changes }) as request.Response;
    expect(() =>
      contract().check('GET', '/api/v1/me', tampered({ body: { ...response.body, passwordHash: 'x' } })),
    ).toThrow(/does not match/);
    expect(() => contract().check('GET', '/api/v1/me', tampered({ body: { ...response.body, role: 'ROOT' } }))).toThrow(
      /does not match/,
    );
    expect(() => contract().check('GET', '/api/v1/me', tampered({ status: 418 }))).toThrow(/not documented/);
    expect(() =>
      contract().check(
        'GET',
        '/api/v1/me',
        tampered({ headers: { ...response.headers, 'content-type': 'text/html' } }),
      ),
    ).toThrow(/content type/);
    expect(() => contract().check('GET', '/api/v1/nowhere', tampered({ status: 200 }))).toThrow(/not a 404 or 405/);
  });
});

describe('the served document and docs', () => {
  it('serves the document as JSON without a token', async () => {
    const response = await request(t.app).get('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });

  it('serves the docs page without inline scripts, and its assets from this app', async () => {
    const page = await request(t.app).get('/api/v1/docs');
    expect(page.status).toBe(200);
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([, attributes]) => /src="([^"]+)"/.exec(attributes!)?.[1])).toEqual([
      '/api/v1/docs/swagger-ui-bundle.js',
      '/api/v1/docs/start.js',
    ]);
    expect(scripts.every(([, , body]) => body!.trim() === '')).toBe(true);
    for (const [path, type] of [
      ['/api/v1/docs/swagger-ui-bundle.js', /javascript/],
      ['/api/v1/docs/start.js', /javascript/],
      ['/api/v1/docs/swagger-ui.css', /text\/css/],
    ] as const) {
      const asset = await request(t.app).get(path);
      expect(asset.status, path).toBe(200);
      expect(asset.headers['content-type'], path).toMatch(type);
    }
    expect(page.text).not.toMatch(/https?:\/\//);
  });
});
