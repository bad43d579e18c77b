import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { withInsensitiveTextFilters } from '../../src/db/case-insensitive-text.js';
import { parseDatabaseUrl } from '../../src/db/database-url.js';

describe('parseDatabaseUrl', () => {
  it('reads file: URLs as SQLite files relative to the working directory', () => {
    expect(parseDatabaseUrl('file:./data/app.db')).toEqual({
      provider: 'sqlite',
      url: 'file:./data/app.db',
      file: './data/app.db',
    });
    expect(parseDatabaseUrl('file:/tmp/x.db?connection_limit=1')).toMatchObject({ file: '/tmp/x.db' });
  });

  it("reads postgresql:// and postgres:// URLs, taking Prisma's schema parameter out of the connection string", () => {
    expect(parseDatabaseUrl('postgresql://app:secret@db:5432/backoffice?schema=crm&sslmode=require')).toMatchObject({
      provider: 'postgresql',
      connectionString: 'postgresql://app:secret@db:5432/backoffice?sslmode=require',
      schema: 'crm',
    });
    expect(parseDatabaseUrl('postgres://app@db/backoffice')).toMatchObject({
      provider: 'postgresql',
      schema: 'public',
    });
  });

  it('refuses other databases and schema names that are not plain names', () => {
    expect(() => parseDatabaseUrl('mysql://db/app')).toThrow(/file: .*postgresql:\/\//);
    expect(() => parseDatabaseUrl('postgresql://db/app?schema=a;drop')).toThrow(/plain name/);
  });
});

describe('DATABASE_URL in the configuration', () => {
  it('accepts PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://app:secret@db:5432/backoffice' }).databaseUrl).toBe(
      'postgresql://app:secret@db:5432/backoffice',
    );
  });

  it('explains both accepted forms when the URL is neither', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgresql:///nohost' })).toThrow(
      /DATABASE_URL must be file:PATH .* or postgresql:\/\//,
    );
  });
});

describe('withInsensitiveTextFilters (PostgreSQL)', () => {
  it('adds mode: insensitive to every text filter in the tree, and nothing else', () => {
    const createdAt = { gte: new Date('2026-01-01') };
    const where = {
      AND: [
        { deletedAt: null },
        { createdAt },
        { OR: [{ firstName: { contains: 'ada' } }, { email: { startsWith: 'ada' } }, { phone: { endsWith: '99' } }] },
      ],
      role: 'STAFF',
      actor: { is: { name: { contains: 'Grace' } } },
    };
    expect(withInsensitiveTextFilters(where)).toEqual({
      AND: [
        { deletedAt: null },
        { createdAt },
        {
          OR: [
            { firstName: { contains: 'ada', mode: 'insensitive' } },
            { email: { startsWith: 'ada', mode: 'insensitive' } },
            { phone: { endsWith: '99', mode: 'insensitive' } },
          ],
        },
      ],
      role: 'STAFF',
      actor: { is: { name: { contains: 'Grace', mode: 'insensitive' } } },
    });
  });

  it('keeps an explicit mode and leaves dates as they are', () => {
    const date = new Date('2026-01-01');
    expect(withInsensitiveTextFilters({ name: { contains: 'A', mode: 'default' }, at: date })).toEqual({
      name: { contains: 'A', mode: 'default' },
      at: date,
    });
    expect((withInsensitiveTextFilters({ at: date }) as { at: Date }).at).toBe(date);
  });
});
