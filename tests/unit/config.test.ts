import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

/** The ConfigError thrown for `env`; fails the test if the config is accepted. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  let thrown: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error(`expected ${JSON.stringify(env)} to be refused`);
  expect(thrown).toBeInstanceOf(ConfigError);
  return thrown as ConfigError;
}

const SECRET = 's'.repeat(16) + 'ecret-0123456789'; // 32 characters

describe('loadConfig: defaults (DESIGN.md "Configuration")', () => {
  it('runs on an empty environment with the documented defaults', () => {
    const config = loadConfig({});
    expect(config.nodeEnv).toBe('development');
    expect(config.databaseUrl).toBe('file:./data/app.db');
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.defaultPhoneRegion).toBe('US');
    expect(config.adminEmail).toBeUndefined();
    expect(config.adminPassword).toBeUndefined();
  });

  it('uses a development-only session secret, and says so, when SESSION_SECRET is not set', () => {
    const config = loadConfig({});
    expect(config.sessionSecretIsFallback).toBe(true);
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('treats blank variables as unset', () => {
    const config = loadConfig({ PORT: '', HOST: '  ', DATABASE_URL: '', DEFAULT_PHONE_REGION: ' ', SESSION_SECRET: '', NODE_ENV: '', ADMIN_EMAIL: '' });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      databaseUrl: 'file:./data/app.db',
      port: 3000,
      host: '127.0.0.1',
      defaultPhoneRegion: 'US',
      sessionSecretIsFallback: true,
    });
    expect(config.adminEmail).toBeUndefined();
  });

  it('reads the environment it is given, not process.env', () => {
    expect(loadConfig({ PORT: '4321' }).port).toBe(4321);
  });
});

describe('loadConfig: values', () => {
  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'file:/tmp/other.db',
      PORT: '8080',
      HOST: '0.0.0.0',
      SESSION_SECRET: SECRET,
      ADMIN_EMAIL: 'boss@example.com',
      ADMIN_PASSWORD: 'correct horse battery staple',
      DEFAULT_PHONE_REGION: 'GB',
      PUBLIC_URL: 'https://backoffice.example.com',
      SMTP_URL: 'smtp://mailer:2525',
      MAIL_FROM: 'Back-office <office@example.com>',
    });
    expect(config).toEqual({
      nodeEnv: 'test',
      databaseUrl: 'file:/tmp/other.db',
      port: 8080,
      host: '0.0.0.0',
      sessionSecret: SECRET,
      sessionSecretIsFallback: false,
      adminEmail: 'boss@example.com',
      adminPassword: 'correct horse battery staple',
      defaultPhoneRegion: 'GB',
      publicUrl: 'https://backoffice.example.com',
      smtpUrl: 'smtp://mailer:2525',
      mailFrom: 'Back-office <office@example.com>',
    });
  });

  it('defaults PUBLIC_URL to where the app listens, and refuses a non-SMTP SMTP_URL', () => {
    expect(loadConfig({ HOST: '127.0.0.1', PORT: '4000' }).publicUrl).toBe('http://127.0.0.1:4000');
    expect(() => loadConfig({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
  });

  it.each([
    ['gb', 'GB'],
    [' de ', 'DE'],
    ['Fr', 'FR'],
  ])('normalises DEFAULT_PHONE_REGION %j to %s', (value, region) => {
    expect(loadConfig({ DEFAULT_PHONE_REGION: value }).defaultPhoneRegion).toBe(region);
  });

  it.each([
    ['0', 0],
    ['1', 1],
    ['65535', 65535],
  ])('accepts PORT=%s', (value, port) => {
    expect(loadConfig({ PORT: value }).port).toBe(port);
  });
});

describe('loadConfig: a bad variable stops start-up, naming the variable', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '65536'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://localhost/app'],
    ['DATABASE_URL', './data/app.db'],
    ['DATABASE_URL', 'not a url'],
    ['DEFAULT_PHONE_REGION', 'XX'],
    ['DEFAULT_PHONE_REGION', 'USA'],
    ['DEFAULT_PHONE_REGION', 'United States'],
    ['DEFAULT_PHONE_REGION', '1'],
    ['SESSION_SECRET', 'too-short'],
    ['SESSION_SECRET', 'x'.repeat(31)],
    ['NODE_ENV', 'staging'],
    ['NODE_ENV', 'Production'],
    ['ADMIN_EMAIL', 'not-an-email'],
  ])('%s=%j', (variable, value) => {
    const error = configError({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.name).toBe('ConfigError');
    expect(error).toBeInstanceOf(Error);
  });

  it('explains what a good DATABASE_URL looks like', () => {
    expect(configError({ DATABASE_URL: 'mysql://localhost/app' }).message).toMatch(/file:/);
  });

  it('explains what a good DEFAULT_PHONE_REGION looks like', () => {
    expect(configError({ DEFAULT_PHONE_REGION: 'XX' }).message).toMatch(/two-letter region code/);
  });

  it('says how long SESSION_SECRET must be', () => {
    expect(configError({ SESSION_SECRET: 'too-short' }).message).toMatch(/32/);
  });

  it('accepts a SESSION_SECRET of exactly 32 characters', () => {
    expect(SECRET).toHaveLength(32);
    const config = loadConfig({ SESSION_SECRET: SECRET });
    expect(config.sessionSecret).toBe(SECRET);
    expect(config.sessionSecretIsFallback).toBe(false);
  });
});

describe('loadConfig: production', () => {
  it('refuses to start without SESSION_SECRET, naming it', () => {
    const error = configError({ NODE_ENV: 'production' });
    expect(error.variable).toBe('SESSION_SECRET');
    expect(error.message).toMatch(/SESSION_SECRET/);
    expect(error.message).toMatch(/production/);
  });

  it('refuses a blank SESSION_SECRET', () => {
    expect(configError({ NODE_ENV: 'production', SESSION_SECRET: '   ' }).variable).toBe('SESSION_SECRET');
  });

  it('refuses a SESSION_SECRET shorter than 32 characters', () => {
    expect(configError({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(31) }).variable).toBe('SESSION_SECRET');
  });

  it('starts with a 32-character SESSION_SECRET, without the development fallback', () => {
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET });
    expect(config.nodeEnv).toBe('production');
    expect(config.sessionSecret).toBe(SECRET);
    expect(config.sessionSecretIsFallback).toBe(false);
  });

  it('never uses the development fallback secret', () => {
    const fallback = loadConfig({}).sessionSecret;
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET }).sessionSecret).not.toBe(fallback);
  });
});
