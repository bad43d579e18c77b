/** The benchmark's reference endpoint exists only when `npm run bench` starts the app with it. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('/bench/ceiling', () => {
  it('is not there in normal operation', async () => {
    expect((await request(t.app).get('/bench/ceiling?bytes=100')).status).toBe(404);
  });

  it('answers a fixed JSON document of the asked size when mounted for the benchmark', async () => {
    const { app, close } = createApp({
      config: { sessionSecret: 'test-session-secret-of-at-least-32-chars', nodeEnv: 'test' },
      prisma: t.prisma,
      services: t.services,
      benchCeiling: true,
    });
    try {
      const response = await request(app).get('/bench/ceiling?bytes=5000').set('accept-encoding', 'identity');
      expect(response.status).toBe(200);
      expect(response.type).toBe('application/json');
      expect(response.text).toHaveLength(5000);
      expect(Array.isArray(JSON.parse(response.text))).toBe(true);
    } finally {
      close();
    }
  });
});
