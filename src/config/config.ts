/** Environment → one typed, validated Config. A bad variable stops start-up with its name. */
import { existsSync } from 'node:fs';
import { getCountries, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '../db/database-url.js';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';
import { parseCorsOrigins } from './cors-origins.js';

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  databaseUrl: string;
  port: number;
  host: string;
  sessionSecret: string;
  /** True when SESSION_SECRET was not set and the development fallback is in use. */
  sessionSecretIsFallback: boolean;
  adminEmail?: string;
  adminPassword?: string;
  defaultPhoneRegion: CountryCode;
  /** The address users reach the app at; links in mails start with it. */
  publicUrl: string;
  /** PUBLIC_URL's origin (scheme, host, port) when it is set: the one origin the panel takes forms from. */
  publicOrigin?: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Which proxies in front of the app may report the client's address and protocol (express 'trust proxy'). */
  trustProxy: TrustProxy;
  logLevel: LogLevel;
  /** `pretty` (one readable line per entry) or `json` (one JSON object per line). */
  logFormat: LogFormat;
  /** Browser origins allowed to call the REST API (CORS); empty: no CORS headers. */
  corsOrigins: string[];
  /** API writes of a customer or account without If-Match are refused (428) instead of applied unconditionally. */
  requireIfMatch: boolean;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const DEV_SESSION_SECRET = 'development-only-session-secret-do-not-use-in-production';
const SESSION_SECRET_MIN_LENGTH = 32;

/** A zod transform from a parser that throws an Error whose message is meant for the operator. */
function parsedBy<T>(parse: (value: string) => T) {
  return (value: string, context: z.RefinementCtx): T => {
    try {
      return parse(value);
    } catch (error) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
      return z.NEVER;
    }
  };
}

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const regions = getCountries() as readonly string[];

const schema = z.object({
  NODE_ENV: z.preprocess(blank, z.enum(['development', 'production', 'test']).default('development')),
  DATABASE_URL: z.preprocess(
    blank,
    z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .refine(
        (url) => url.startsWith('file:') || /^postgres(ql)?:\/\/[^/]/.test(url),
        'must be file:PATH (SQLite, e.g. file:./data/app.db) or postgresql://USER:PASSWORD@HOST:PORT/DATABASE',
      ),
  ),
  PORT: z.preprocess(
    blank,
    z.coerce
      .number({ invalid_type_error: 'must be a port number from 0 to 65535' })
      .int('must be a port number from 0 to 65535')
      .min(0, 'must be a port number from 0 to 65535')
      .max(65535, 'must be a port number from 0 to 65535')
      .default(3000),
  ),
  HOST: z.preprocess(blank, z.string().default('127.0.0.1')),
  SESSION_SECRET: z.preprocess(
    blank,
    z.string().min(SESSION_SECRET_MIN_LENGTH, `must be at least ${SESSION_SECRET_MIN_LENGTH} characters`).optional(),
  ),
  ADMIN_EMAIL: z.preprocess(blank, z.string().email('must be an email address').optional()),
  ADMIN_PASSWORD: z.preprocess(blank, z.string().optional()),
  PUBLIC_URL: z.preprocess(blank, z.string().url('must be a URL like https://backoffice.example.com').optional()),
  SMTP_URL: z.preprocess(
    blank,
    z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  MAIL_FROM: z.preprocess(blank, z.string().default('Customer Back-office <no-reply@localhost>')),
  TRUST_PROXY: z.preprocess(blank, z.string().default('false').transform(parsedBy(parseTrustProxy))),
  CORS_ORIGINS: z.string().default('').transform(parsedBy(parseCorsOrigins)),
  REQUIRE_IF_MATCH: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
    z
      .enum(['true', 'false'], { errorMap: () => ({ message: 'must be true or false' }) })
      .default('false')
      .transform((value) => value === 'true'),
  ),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
    z.enum(LOG_LEVELS, { errorMap: () => ({ message: `must be one of ${LOG_LEVELS.join(', ')}` }) }).default('info'),
  ),
  LOG_FORMAT: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
    z.enum(LOG_FORMATS, { errorMap: () => ({ message: `must be one of ${LOG_FORMATS.join(', ')}` }) }).optional(),
  ),
  DEFAULT_PHONE_REGION: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toUpperCase() || undefined : value),
    z
      .string()
      .default('US')
      .refine((code) => regions.includes(code), 'must be a two-letter region code like US, GB or DE'),
  ),
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const values = parsed.data;
  if (values.NODE_ENV === 'production' && !values.SESSION_SECRET) {
    throw new ConfigError(
      'SESSION_SECRET',
      `is required when NODE_ENV=production (at least ${SESSION_SECRET_MIN_LENGTH} random characters)`,
    );
  }
  if (values.NODE_ENV === 'production' && values.TRUST_PROXY === true) {
    throw new ConfigError(
      'TRUST_PROXY',
      'is true, which lets any client choose its own IP address (the left-most X-Forwarded-For) for the sign-in limits and the audit log: in production give the number of proxies in front of the app (e.g. 1) or their addresses (e.g. 10.0.0.0/8)',
    );
  }
  return {
    nodeEnv: values.NODE_ENV,
    databaseUrl: values.DATABASE_URL,
    port: values.PORT,
    host: values.HOST,
    sessionSecret: values.SESSION_SECRET ?? DEV_SESSION_SECRET,
    sessionSecretIsFallback: !values.SESSION_SECRET,
    adminEmail: values.ADMIN_EMAIL,
    adminPassword: values.ADMIN_PASSWORD,
    defaultPhoneRegion: values.DEFAULT_PHONE_REGION as CountryCode,
    publicUrl: values.PUBLIC_URL ?? `http://${values.HOST}:${values.PORT}`,
    publicOrigin: values.PUBLIC_URL === undefined ? undefined : new URL(values.PUBLIC_URL).origin,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    trustProxy: values.TRUST_PROXY,
    logLevel: values.LOG_LEVEL,
    // Development is read by a person at a terminal; production and tests by machines.
    logFormat: values.LOG_FORMAT ?? (values.NODE_ENV === 'development' ? 'pretty' : 'json'),
    corsOrigins: values.CORS_ORIGINS,
    requireIfMatch: values.REQUIRE_IF_MATCH,
  };
}

/** Reads `.env` from the working directory if there is one (real environment variables win). */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
