import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

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
    const config = loadConfig({
      PORT: '',
      HOST: '  ',
      DATABASE_URL: '',
      DEFAULT_PHONE_REGION: ' ',
      SESSION_SECRET: '',
      NODE_ENV: '',
      ADMIN_EMAIL: '',
    });
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
      TRUST_PROXY: 'loopback',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'pretty',
      CORS_ORIGINS: 'https://pos.example.com',
      REQUIRE_IF_MATCH: 'true',
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
      publicOrigin: 'https://backoffice.example.com',
      smtpUrl: 'smtp://mailer:2525',
      mailFrom: 'Back-office <office@example.com>',
      trustProxy: ['loopback'],
      logLevel: 'warn',
      logFormat: 'pretty',
      corsOrigins: ['https://pos.example.com'],
      requireIfMatch: true,
    });
  });

  it('requires If-Match only when REQUIRE_IF_MATCH is true, and refuses anything but true or false', () => {
    expect(loadConfig({}).requireIfMatch).toBe(false);
    expect(loadConfig({ REQUIRE_IF_MATCH: ' FALSE ' }).requireIfMatch).toBe(false);
    expect(() => loadConfig({ REQUIRE_IF_MATCH: 'yes' })).toThrow(
      'Configuration error: REQUIRE_IF_MATCH must be true or false',
    );
  });

  it("keeps PUBLIC_URL's origin (scheme, host, port) when it is set, none when it is not", () => {
    expect(loadConfig({ PUBLIC_URL: 'https://Backoffice.example.com:443/panel/' }).publicOrigin).toBe(
      'https://backoffice.example.com',
    );
    expect(loadConfig({}).publicOrigin).toBeUndefined();
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

describe('loadConfig: TRUST_PROXY (express "trust proxy")', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: ' ' }).trustProxy).toBe(false);
  });

  it.each([
    ['false', false],
    ['FALSE', false],
    ['true', true],
    [' True ', true],
    ['0', 0],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, linklocal,uniquelocal', ['loopback', 'linklocal', 'uniquelocal']],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, 172.16.0.0/12', ['10.0.0.0/8', '172.16.0.0/12']],
    ['192.168.1.0/24,loopback', ['192.168.1.0/24', 'loopback']],
    ['::1', ['::1']],
    ['fd00::/8', ['fd00::/8']],
    ['10.0.0.0/32', ['10.0.0.0/32']],
    ['2001:db8::/128', ['2001:db8::/128']],
  ])('accepts TRUST_PROXY=%j', (value, trustProxy) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(trustProxy);
  });

  it.each([
    'yes',
    'localhost',
    '10.0.0',
    '10.0.0.256',
    '10.0.0.0/33',
    '10.0.0.0/8/1',
    '10.0.0.0/',
    'fd00::/129',
    '1.5',
    '-1',
    'loopback,',
    'loopback,,10.0.0.1',
    'loopback 10.0.0.1',
  ])('refuses TRUST_PROXY=%j, naming it and saying what it accepts', (value) => {
    const error = configError({ TRUST_PROXY: value });
    expect(error.variable).toBe('TRUST_PROXY');
    expect(error.message).toMatch(/^Configuration error: TRUST_PROXY /);
    expect(error.message).toMatch(/hop count/);
  });
});

describe('loadConfig: TRUST_PROXY in production', () => {
  it('refuses true (any client could choose its address), saying what to give instead', () => {
    const error = configError({ NODE_ENV: 'production', SESSION_SECRET: SECRET, TRUST_PROXY: 'true' });
    expect(error.variable).toBe('TRUST_PROXY');
    expect(error.message).toMatch(/number of proxies/);
  });

  it.each(['1', 'loopback', '10.0.0.0/8'])('accepts TRUST_PROXY=%s', (value) => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET, TRUST_PROXY: value })).not.toThrow();
  });
});

describe('loadConfig: LOG_LEVEL', () => {
  it('logs at info by default', () => {
    expect(loadConfig({}).logLevel).toBe('info');
  });

  it.each([
    ['debug', 'debug'],
    [' WARN ', 'warn'],
    ['silent', 'silent'],
  ])('accepts LOG_LEVEL=%j', (value, level) => {
    expect(loadConfig({ LOG_LEVEL: value }).logLevel).toBe(level);
  });

  it('refuses an unknown level, listing the known ones', () => {
    const error = configError({ LOG_LEVEL: 'verbose' });
    expect(error.variable).toBe('LOG_LEVEL');
    expect(error.message).toMatch(/fatal, error, warn, info, debug, trace, silent/);
  });
});

describe('loadConfig: LOG_FORMAT', () => {
  it.each([
    ['development', 'pretty'],
    ['production', 'json'],
    ['test', 'json'],
  ] as const)('writes %s logs as %s by default', (nodeEnv, format) => {
    expect(loadConfig({ NODE_ENV: nodeEnv, SESSION_SECRET: SECRET }).logFormat).toBe(format);
  });

  it.each([
    [' JSON ', 'development', 'json'],
    ['pretty', 'production', 'pretty'],
  ] as const)('accepts LOG_FORMAT=%j whatever NODE_ENV (%s)', (value, nodeEnv, format) => {
    expect(loadConfig({ LOG_FORMAT: value, NODE_ENV: nodeEnv, SESSION_SECRET: SECRET }).logFormat).toBe(format);
  });

  it('refuses an unknown format, naming the known ones', () => {
    const error = configError({ LOG_FORMAT: 'xml' });
    expect(error.variable).toBe('LOG_FORMAT');
    expect(error.message).toMatch(/pretty, json/);
  });
});
