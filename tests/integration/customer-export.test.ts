/**
 * Export of the customer list, over the API and from the panel: the file holds exactly the list's
 * rows in the list's order (several filters and sorts, both formats, across several read batches
 * with ties in the sort), formulas are neutralised, unicode survives, the CSV starts with a BOM,
 * roles without `export` get 403, bad parameters 400, and each export leaves one audit entry
 * that holds no customer data.
 */
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_BATCH_SIZE } from '../../src/domain/customers/export.js';
import { writeExportFile } from '../../src/domain/customers/export-file.js';
import { customerSearchText } from '../../src/domain/customers/search-text.js';
import type { CustomerBody } from '../../src/api/schemas/customers.js';
import { createApiTestApp, type ApiTestApp, type SignedInUser } from '../support/api-app.js';

type Agent = Awaited<ReturnType<ApiTestApp['signIn']>>;

let t: ApiTestApp;
let manager: SignedInUser;
let staff: SignedInUser;
let viewer: SignedInUser;
let managerPanel: Agent;

const CUSTOMERS = EXPORT_BATCH_SIZE * 2 + 300;
const NOW = new Date('2026-11-23T12:00:00.000Z');
const FIRST_NAMES = ['Zoë', 'Åsa', '李', 'Ñandú', 'Ada', 'Grace', 'Émile', 'Ólafur'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Müller', 'Østergård', 'Nakamura', 'O’Brien'];
/** Text a spreadsheet would run, given to a few customers. */
const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '-2+3', '@cmd', '\tTabbed', '\rReturned'];

beforeAll(async () => {
  t = await createApiTestApp();
  manager = await t.userWithToken('MANAGER');
  staff = await t.userWithToken('STAFF');
  viewer = await t.userWithToken('VIEWER');
  managerPanel = await t.signIn(manager.email);
  // Written straight to the table, as an import or an older version could have left them: ties in
  // every sort (three customers a minute, six last names, a deletion time shared by many) so that
  // batches end inside a run of equal values.
  const rows = Array.from({ length: CUSTOMERS }, (_, i) => {
    const formula = i % 97 === 5 ? FORMULAS[i % FORMULAS.length]! : undefined;
    const names = {
      firstName: formula ?? FIRST_NAMES[i % FIRST_NAMES.length]!,
      lastName: LAST_NAMES[i % LAST_NAMES.length]!,
      email: `customer${i}@example.com`,
      phone: `+1201${2_000_000 + i}`,
    };
    const createdAt = new Date(NOW.getTime() - Math.floor(i / 3) * 60_000);
    return {
      ...names,
      searchText: customerSearchText(names),
      dateOfBirth: new Date(Date.UTC(1950 + (i % 50), i % 12, 1 + (i % 28))),
      notes: i % 10 === 0 ? `Said "hello", then left.\nTwice; ${formula ?? '=1+1'}` : null,
      createdAt,
      updatedAt: new Date(createdAt.getTime() + (i % 7) * 1000),
      deletedAt: i % 4 === 0 ? new Date(NOW.getTime() - (i % 3) * 3_600_000) : null,
    };
  });
  for (let start = 0; start < rows.length; start += 500) {
    await t.prisma.customer.createMany({ data: rows.slice(start, start + 500) });
  }
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(NOW));

/** Reads a response body as bytes, whatever its media type. */
function bytes(pending: request.Test): request.Test {
  return pending.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

async function apiExport(query: Record<string, string>, token = manager.token): Promise<request.Response> {
  const url = `/api/v1/customers/export?${new URLSearchParams(query)}`;
  const response = await bytes(request(t.app).get(url).set('Authorization', `Bearer ${token}`));
  // A problem is JSON: read as such for the contract check and the test.
  if (String(response.headers['content-type']).startsWith('application/problem+json'))
    response.body = JSON.parse((response.body as Buffer).toString('utf8'));
  t.contract.check('get', url, response);
  return response;
}

/** Every row of GET /customers with these parameters, page after page. */
async function apiList(query: Record<string, string>): Promise<CustomerBody[]> {
  const items: CustomerBody[] = [];
  for (let page = 1; ; page++) {
    const response = await t.api.get('/customers', {
      token: manager.token,
      query: { ...query, page: String(page), pageSize: '100' },
    });
    expect(response.status).toBe(200);
    items.push(...(response.body.items as CustomerBody[]));
    if (items.length >= response.body.total) return items;
  }
}

type Cell = string | number | Date | null;

/** A CSV's rows under its header, as parsed back by csv-parse; the BOM is checked and removed. */
function csvRows(body: Buffer): { header: string[]; rows: string[][] } {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows]: string[][] = parse(body.subarray(3).toString('utf8'));
  return { header: header!, rows };
}

async function xlsxRows(body: Buffer): Promise<{ header: string[]; rows: Cell[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const all: Cell[][] = [];
  sheet.eachRow((row) => all.push((row.values as Cell[]).slice(1)));
  const [header, ...rows] = all;
  return {
    header: header as string[],
    rows: rows.map((row) => Array.from({ length: header!.length }, (_, i) => row[i] ?? null)),
  };
}

/** A text cell as stored, without the apostrophe a CSV puts before a formula. */
const unmarked = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '');
const iso = (cell: Cell) => (cell instanceof Date ? cell.toISOString() : cell);

/** XML, which XLSX is made of, reads every line break as LF: a CR comes back as LF. */
const asXmlText = (text: string) => text.replace(/\r\n?/g, '\n');

/** What the file's row must say for a customer of the list, as comparable text. */
function expectedRow(customer: CustomerBody, withDeleted: boolean): string[] {
  const row = [
    String(customer.id),
    customer.firstName,
    customer.lastName,
    customer.email,
    customer.phone,
    customer.dateOfBirth,
    customer.notes ?? '',
    customer.createdAt,
    customer.updatedAt,
  ];
  return withDeleted ? [...row, customer.deletedAt ?? ''] : row;
}

const HEADER = ['ID', 'First name', 'Last name', 'Email', 'Phone', 'Date of birth', 'Notes', 'Created', 'Updated'];

const LISTS: Array<{ name: string; query: Record<string, string> }> = [
  { name: 'the default list (active, newest first)', query: {} },
  { name: 'sorted by last name', query: { sort: 'lastName' } },
  { name: 'deleted ones included, by deletion time', query: { includeDeleted: 'true', sort: 'deletedAt' } },
  { name: 'deleted ones included, latest deletion first', query: { includeDeleted: 'true', sort: '-deletedAt' } },
  {
    name: 'only deleted, created in a range, by first name descending',
    query: { onlyDeleted: 'true', createdFrom: '2026-11-22', createdTo: '2026-11-23T05:00:00Z', sort: '-firstName' },
  },
  { name: 'searched, by email', query: { q: 'müller', sort: 'email' } },
  { name: 'by date of birth', query: { sort: 'dateOfBirth', includeDeleted: 'true' } },
];

describe('GET /api/v1/customers/export', () => {
  it.each(LISTS)('writes exactly the rows of $name, in its order, as CSV and as XLSX', async ({ query }) => {
    const listed = await apiList(query);
    expect(listed.length).toBeGreaterThan(0);
    const withDeleted = query.includeDeleted === 'true' || query.onlyDeleted === 'true';
    const expected = listed.map((customer) => expectedRow(customer, withDeleted));
    const header = withDeleted ? [...HEADER, 'Deleted'] : HEADER;

    const csv = await apiExport({ ...query, format: 'csv' });
    expect(csv.status).toBe(200);
    const fromCsv = csvRows(csv.body as Buffer);
    expect(fromCsv.header).toEqual(header);
    expect(fromCsv.rows.map((row) => row.map(unmarked))).toEqual(expected);

    const xlsx = await apiExport({ ...query, format: 'xlsx' });
    expect(xlsx.status).toBe(200);
    const fromXlsx = await xlsxRows(xlsx.body as Buffer);
    expect(fromXlsx.header).toEqual(header);
    const dateOfBirth = header.indexOf('Date of birth');
    const asText = fromXlsx.rows.map((row) =>
      row.map((cell, i) =>
        i === dateOfBirth && cell instanceof Date ? cell.toISOString().slice(0, 10) : String(iso(cell) ?? ''),
      ),
    );
    expect(asText).toEqual(expected.map((row) => row.map(asXmlText)));
  });

  it('names the file after the day, answers CSV with a BOM and CRLF line ends, and keeps no copy in caches', async () => {
    t.clock.set('2026-12-01T09:30:00.000Z');
    const { accessToken } = await t.signInApi(manager.email);
    const response = await apiExport({ format: 'csv', q: 'zzzz-nobody' }, accessToken);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="customers-2026-12-01.csv"');
    expect(response.headers['cache-control']).toBe('no-store');
    const text = (response.body as Buffer).toString('utf8');
    expect(text).toBe(`\ufeff${HEADER.join(',')}\r\n`);
    const xlsx = await apiExport({ format: 'xlsx', q: 'zzzz-nobody' }, accessToken);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="customers-2026-12-01.xlsx"');
    expect((await xlsxRows(xlsx.body as Buffer)).rows).toEqual([]);
  });

  it('neutralises formulas: an apostrophe first in CSV, a string cell in XLSX', async () => {
    const csv = csvRows((await apiExport({ format: 'csv', includeDeleted: 'true', sort: 'id' })).body as Buffer);
    const firstNames = csv.rows.map((row) => row[1]!);
    for (const formula of FORMULAS) expect(firstNames).toContain(`'${formula}`);
    expect(firstNames.filter((name) => /^[=+\-@\t\r]/.test(name))).toEqual([]);
    const notes = csv.rows.map((row) => row[6]!).filter(Boolean);
    expect(notes.filter((note) => /^[=+\-@\t\r]/.test(note))).toEqual([]);
    // The phone is E.164, a number to any spreadsheet, and stays as stored.
    expect(csv.rows[0]![4]).toMatch(/^\+1201\d{7}$/);

    const xlsx = await apiExport({ format: 'xlsx', includeDeleted: 'true', sort: 'id' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheet = workbook.worksheets[0]!;
    const formulaCells: string[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string' && /^[=+\-@\t\n]/.test(cell.value)) formulaCells.push(cell.value);
      });
      expect(row.getCell(5).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(5).numFmt).toBe('@');
      expect(row.getCell(6).type).toBe(ExcelJS.ValueType.Date);
      expect(row.getCell(8).type).toBe(ExcelJS.ValueType.Date);
    });
    for (const formula of FORMULAS) expect(formulaCells).toContain(asXmlText(formula));
  });

  it('keeps names in any script intact', async () => {
    const all = { includeDeleted: 'true', sort: 'id' };
    const csv = csvRows((await apiExport({ ...all, format: 'csv' })).body as Buffer);
    const xlsx = await xlsxRows((await apiExport({ ...all, format: 'xlsx' })).body as Buffer);
    for (const name of ['Zoë', 'Åsa', '李', 'Ñandú', 'Ólafur']) {
      expect(csv.rows.some((row) => row[1] === name)).toBe(true);
      expect(xlsx.rows.some((row) => row[1] === name)).toBe(true);
    }
    expect(csv.rows.some((row) => row[2] === 'Østergård')).toBe(true);
    expect(xlsx.rows.some((row) => row[2] === 'O’Brien')).toBe(true);
  });

  it('writes one audit entry per export: who, the list, the format and the rows — no customer data', async () => {
    const before = await t.prisma.auditLog.count({ where: { action: 'export' } });
    const response = await apiExport({ format: 'xlsx', q: 'hopper', includeDeleted: 'true', sort: '-lastName' });
    expect(response.status).toBe(200);
    const entries = await t.prisma.auditLog.findMany({ where: { action: 'export' }, orderBy: { id: 'asc' } });
    expect(entries).toHaveLength(before + 1);
    const entry = entries.at(-1)!;
    const rows = (await apiList({ q: 'hopper', includeDeleted: 'true' })).length;
    expect(entry).toMatchObject({ actorId: manager.id, resource: 'Customer', recordId: null });
    expect(entry.changes).toEqual({
      format: [null, 'xlsx'],
      rows: [null, rows],
      search: [null, 'hopper'],
      status: [null, 'all'],
      sort: [null, 'lastName desc'],
    });
    expect(JSON.stringify(entry.changes)).not.toMatch(/@example\.com|\+1201/);
  });

  it('answers HEAD with the headers only, reading and auditing nothing', async () => {
    const before = await t.prisma.auditLog.count({ where: { action: 'export' } });
    const response = await request(t.app)
      .head('/api/v1/customers/export?format=csv')
      .set('Authorization', `Bearer ${manager.token}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="customers-.*\.csv"$/);
    expect(await t.prisma.auditLog.count({ where: { action: 'export' } })).toBe(before);
  });

  it.each([
    ['format', { format: 'pdf' }],
    ['sort', { sort: 'notes' }],
    ['createdFrom', { createdFrom: '2026-02-30' }],
    ['onlyDeleted', { includeDeleted: 'true', onlyDeleted: 'true' }],
    ['page', { page: '2' }],
    ['q', { q: 'x'.repeat(201) }],
  ])('refuses a bad %s with 400, naming it', async (field, query) => {
    const response = await apiExport(query);
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveProperty(field);
  });

  it.each(['STAFF', 'VIEWER'] as const)('refuses a %s with 403 and audits nothing', async (role) => {
    const before = await t.prisma.auditLog.count({ where: { action: 'export' } });
    const response = await apiExport({ format: 'csv' }, role === 'STAFF' ? staff.token : viewer.token);
    expect(response.status).toBe(403);
    expect(await t.prisma.auditLog.count({ where: { action: 'export' } })).toBe(before);
  });

  it('is documented with both media types and the same query parameters as the list', () => {
    const documented = t.document.paths['/customers/export']!.get! as unknown as {
      parameters: Array<{ name: string }>;
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    expect(Object.keys(documented.responses['200']!.content!).sort()).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv',
    ]);
    const names = documented.parameters.map(({ name }) => name).sort();
    expect(names).toEqual(['createdFrom', 'createdTo', 'format', 'includeDeleted', 'onlyDeleted', 'q', 'sort']);
  });
});

describe('a download cut short', () => {
  /** An output that takes the first bytes, then goes away as a client closing the connection would. */
  function clientGoingAway(): Writable & { received: number } {
    const output = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        output.received += chunk.length;
        if (output.received < 20_000) done();
        else setImmediate(() => output.destroy());
      },
    }) as Writable & { received: number };
    output.received = 0;
    return output;
  }

  it.each(['csv', 'xlsx'] as const)(
    'stops reading when the client goes away (%s), and its audit entry says the file was cut short',
    async (format) => {
      const run = t.services.customerExport.start(
        { criteria: { status: 'all' }, format },
        { id: manager.id, role: 'MANAGER' },
      );
      const output = clientGoingAway();
      await writeExportFile(run, output);
      expect(output.destroyed).toBe(true);
      const entry = await t.prisma.auditLog.findFirstOrThrow({ where: { action: 'export' }, orderBy: { id: 'desc' } });
      const changes = entry.changes as Record<string, [null, unknown]>;
      expect(changes.complete).toEqual([null, false]);
      expect(changes.format).toEqual([null, format]);
      expect(changes.rows![1]).toBeLessThan(CUSTOMERS);
    },
  );
});

describe('the Export action of the panel', () => {
  /** The panel list's ids with this query string, every page. */
  async function panelListIds(agent: Agent, query: Record<string, string>): Promise<number[]> {
    const ids: number[] = [];
    for (let page = 1; ; page++) {
      const response = await agent
        .get('/admin/api/resources/Customer/actions/list')
        .query({ ...query, page: String(page), perPage: '500' });
      expect(response.status).toBe(200);
      ids.push(...(response.body.records as Array<{ id: string }>).map(({ id }) => Number(id)));
      if (ids.length >= response.body.meta.total) return ids;
    }
  }

  const panelExport = (agent: Agent, query: Record<string, string>) =>
    bytes(agent.get('/admin/customers/export').query(query));

  it.each<{ name: string; query: Record<string, string> }>([
    { name: 'the default list', query: {} },
    {
      name: 'a search, all statuses, by last name',
      query: { 'filters.search': 'zoë', 'filters.status': 'all', sortBy: 'lastName', direction: 'asc' },
    },
    {
      name: 'deleted ones created in a range, newest deletion first',
      query: {
        'filters.status': 'deleted',
        'filters.createdAt~~from': '2026-11-22',
        'filters.createdAt~~to': '2026-11-23',
        sortBy: 'deletedAt',
        direction: 'desc',
      },
    },
  ])('downloads exactly the rows of $name as CSV and XLSX', async ({ query }) => {
    const ids = await panelListIds(managerPanel, query);
    expect(ids.length).toBeGreaterThan(0);
    const csv = await panelExport(managerPanel, { ...query, format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="customers-2026-11-23.csv"');
    expect(csvRows(csv.body as Buffer).rows.map((row) => Number(row[0]))).toEqual(ids);
    const xlsx = await panelExport(managerPanel, { ...query, format: 'xlsx' });
    expect(xlsx.status).toBe(200);
    expect((await xlsxRows(xlsx.body as Buffer)).rows.map((row) => row[0])).toEqual(ids);
  });

  it('is offered to managers and superusers only, and refused to the others on the server', async () => {
    const superuserPanel = await t.signIn((await t.createUser('SUPERUSER')).email);
    for (const agent of [managerPanel, superuserPanel]) {
      const list = await agent.get('/admin/api/resources/Customer/actions/list');
      expect((list.body.records[0].recordActions as unknown[]).length).toBeGreaterThan(0);
      expect((await agent.get('/admin/api/resources/Customer/actions/export')).status).toBe(200);
    }
    for (const user of [staff, viewer]) {
      const agent = await t.signIn(user.email);
      const before = await t.prisma.auditLog.count({ where: { action: 'export' } });
      expect((await agent.get('/admin/api/resources/Customer/actions/export')).status).toBe(403);
      expect((await agent.get('/admin/resources/Customer/actions/export')).status).toBe(403);
      const file = await panelExport(agent, { format: 'csv' });
      expect(file.status).toBe(403);
      expect((file.body as Buffer).toString('utf8')).toBe('Your role does not allow this action.');
      expect(await t.prisma.auditLog.count({ where: { action: 'export' } })).toBe(before);
    }
  });

  it('refuses a format it does not write with 400, and asks for a sign-in first', async () => {
    const refused = await panelExport(managerPanel, { format: 'pdf' });
    expect(refused.status).toBe(400);
    const anonymous = await request(t.app).get('/admin/customers/export?format=csv');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.location).toMatch(/\/admin\/login/);
  });

  it.each([
    'format=csv&filters.__proto__=x',
    'format=csv&filters.constructor.prototype.polluted=yes',
    'format=csv&filters.createdAt~~from=not-a-date',
    'format=csv&filters.search[]=a&filters.search[]=b',
    'format=csv&sortBy=__proto__&direction=sideways',
    'format[]=csv',
    'format=csv&filters.status=nonsense',
    'format=csv&filters.search=%00%01',
  ])('answers the list it can read, or 400, for %s — never a 500', async (query) => {
    const response = await bytes(managerPanel.get(`/admin/customers/export?${query}`));
    expect([200, 400]).toContain(response.status);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('audits a panel export like an API one', async () => {
    const response = await panelExport(managerPanel, { format: 'csv', 'filters.search': 'ada' });
    expect(response.status).toBe(200);
    const entry = await t.prisma.auditLog.findFirstOrThrow({ where: { action: 'export' }, orderBy: { id: 'desc' } });
    expect(entry.actorId).toBe(manager.id);
    expect(entry.changes).toMatchObject({
      format: [null, 'csv'],
      search: [null, 'ada'],
      sort: [null, 'createdAt desc'],
    });
  });
});
