/**
 * Customer imports through the domain service on a real database: each fixture file of
 * tests/fixtures/imports with its expected dry-run report, the apply (audit entries marked with
 * the import), the same file applied twice, and updates of customers matched by email.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/accounts/permissions.js';
import { FieldValidationError } from '../../src/domain/errors.js';
import { createServices } from '../../src/domain/services.js';
import type { CustomerImportView } from '../../src/domain/imports/service.js';
import { createTestDatabase, type TestDatabase } from '../support/test-app.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/imports');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

let t: TestDatabase;
let manager: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  manager = { id: (await t.createUser('MANAGER')).id, role: 'MANAGER' };
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.prisma.customer.deleteMany();
});

async function upload(name: string, content = fixture(name), options?: unknown) {
  return t.services.imports.upload({ fileName: name, content, options }, manager);
}

async function refusal(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FieldValidationError);
  return { ...(error as FieldValidationError).fieldErrors };
}

async function finished(id: number): Promise<CustomerImportView> {
  for (let tries = 0; tries < 600; tries += 1) {
    const view = await t.services.imports.find(id, manager);
    if (view.status !== 'applying') return view;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`import ${id} did not finish`);
}

async function existing(firstName: string, email: string, phone: string) {
  return t.services.customers.create(
    { firstName, lastName: 'Same', email, phone, dateOfBirth: '1980-03-03' },
    { id: manager.id, role: 'SUPERUSER' },
  );
}

describe('the dry run of each fixture', () => {
  it('reads an Excel-saved CSV: BOM, semicolons, a quoted line break, mixed phones and dates', async () => {
    const view = await upload('excel-semicolon-bom.csv');
    expect(view.status).toBe('uploaded');
    expect(view.totalRows).toBe(6);
    expect(view.report.header).toEqual(['First Name', 'Last Name', 'E-mail', 'Mobile', 'DOB', 'Notes']);
    expect(view.options).toEqual({
      mapping: { firstName: 0, lastName: 1, email: 2, phone: 3, dateOfBirth: 4, notes: 5 },
      dateFormat: 'DMY',
      phoneRegion: 'US',
      updateExisting: false,
    });
    expect(view.report.detected).toEqual({ dateFormat: true, phoneRegion: false });
    expect(view.report.counts).toEqual({ toCreate: 3, toUpdate: 0, invalid: 3, unchanged: 0 });
    expect(view.report.firstErrors).toEqual([
      { rowNumber: 5, field: 'email', message: 'Enter a valid email address, like name@example.com.' },
      {
        rowNumber: 6,
        field: 'phone',
        message:
          'This is not a valid United States (US) phone number. Check the digits, or start with + and the country code.',
      },
      { rowNumber: 7, field: 'dateOfBirth', message: 'Enter a real calendar date, like 1990-05-17.' },
    ]);
    expect(await t.prisma.customer.count()).toBe(0);
  });

  it('offers the invalid rows as a CSV: the original row plus an errors column', async () => {
    const view = await upload('excel-semicolon-bom.csv');
    const { csv } = await t.services.imports.errorReport(view.id, manager);
    expect(csv.startsWith('\uFEFFFirst Name,Last Name,E-mail,Mobile,DOB,Notes,errors\r\n')).toBe(true);
    expect(csv).toContain(
      'Alan,Turing,not-an-email,+1 201 555 0125,23/06/1992,,"Email: Enter a valid email address, like name@example.com."',
    );
    expect(csv).toContain(
      'Marie,Curie,marie@example.com,+33 1 42 68 53 00,31/02/1990,,"Date of birth: Enter a real calendar date, like 1990-05-17."',
    );
    expect(csv.trim().split('\r\n')).toHaveLength(4);
  });

  it('reads quoted fields with line breaks, commas and quotes, and month-first dates', async () => {
    const view = await upload('quoted-newlines.csv');
    expect(view.options.mapping).toEqual({
      firstName: 0,
      lastName: 1,
      email: 2,
      phone: 3,
      dateOfBirth: 4,
      notes: 5,
    });
    expect(view.options.dateFormat).toBe('MDY');
    expect(view.report.counts).toEqual({ toCreate: 3, toUpdate: 0, invalid: 0, unchanged: 0 });
    expect(view.report.firstErrors).toEqual([]);
  });

  it('reports duplicates inside the file and against customers there, active or deleted', async () => {
    await existing('Kept', 'kept@example.com', '2015550150');
    await existing('Changed', 'changed@example.com', '2015550151');
    const gone = await existing('Gone', 'gone@example.com', '2015550152');
    await t.services.customers.softDelete(gone.id, manager);
    const holder = await existing('Holder', 'holder@example.com', '2015550153');
    const kept = await t.prisma.customer.findUniqueOrThrow({ where: { email: 'kept@example.com' } });
    const changed = await t.prisma.customer.findUniqueOrThrow({ where: { email: 'changed@example.com' } });

    const view = await upload('duplicates-tab.csv');
    expect(view.report.counts).toEqual({ toCreate: 1, toUpdate: 0, invalid: 5, unchanged: 1 });
    expect(view.report.firstErrors).toEqual([
      { rowNumber: 3, field: 'email', message: 'The email amy@example.com is also in row 2 of this file.' },
      { rowNumber: 4, field: 'phone', message: 'The phone number +1 201 555 0140 is also in row 2 of this file.' },
      {
        rowNumber: 6,
        field: 'email',
        message: `The email changed@example.com already belongs to customer #${changed.id}.`,
      },
      {
        rowNumber: 7,
        field: 'email',
        message: `The email gone@example.com belongs to deleted customer #${gone.id} — restore that customer instead.`,
      },
      {
        rowNumber: 8,
        field: 'phone',
        message: `The phone number +1 201 555 0153 already belongs to customer #${holder.id}.`,
      },
    ]);
    expect(kept.lastName).toBe('Same');

    const updating = await t.services.imports.reconsider(view.id, { updateExisting: true }, manager);
    expect(updating.report.counts).toEqual({ toCreate: 1, toUpdate: 1, invalid: 4, unchanged: 1 });
  });

  it('refuses an empty file, a header without rows and a binary file, saying why', async () => {
    expect(await refusal(upload('empty.csv'))).toEqual({
      file: 'The file is empty: it has no header row and no customers.',
    });
    expect(await refusal(upload('headers-only.csv'))).toEqual({
      file: 'The file has a header row but no customers under it.',
    });
    expect(await refusal(upload('binary.csv'))).toEqual({
      file: 'This is not a CSV or XLSX file (it holds binary data). Save the spreadsheet as CSV or XLSX.',
    });
    expect(await t.prisma.customerImport.count({ where: { fileName: { in: ['empty.csv', 'binary.csv'] } } })).toBe(0);
  });

  it('refuses a file over 20 MB', async () => {
    const header = 'first name,last name,email,phone,dob\n';
    const line = 'Ann,Example,ann@example.com,2015550100,1990-05-17\n';
    const big = Buffer.from(header + line.repeat(Math.ceil((21 * 1024 * 1024) / line.length)));
    expect(big.length).toBeGreaterThan(21 * 1024 * 1024);
    expect(await refusal(upload('big.csv', big))).toEqual({
      file: 'The file is larger than 20 MB; split it into smaller files and import each.',
    });
  });

  it('reads an XLSX workbook: date cells, serial numbers and text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Customers');
    sheet.addRow(['Given name', 'Family name', 'Email', 'Mobile', 'Birthday']);
    sheet.addRow(['Ada', 'Lovelace', 'ada@example.com', '+44 20 7946 0958', new Date(Date.UTC(1990, 4, 17))]);
    sheet.addRow(['Grace', 'Hopper', 'grace@example.com', '+44 20 7946 0959', 33010]);
    sheet.addRow(['Alan', 'Turing', 'alan@example.com', '020 7946 0960', '1912-06-23']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const view = await upload('customers.xlsx', content);
    expect(view.options.phoneRegion).toBe('GB');
    expect(view.report.detected.phoneRegion).toBe(true);
    expect(view.report.counts).toEqual({ toCreate: 2, toUpdate: 0, invalid: 1, unchanged: 0 });
    expect(view.report.firstErrors).toEqual([
      {
        rowNumber: 4,
        field: 'dateOfBirth',
        message: 'Customers must be between 13 and 100 years old; this date of birth gives 114.',
      },
    ]);
  });

  it('blocks the apply while a required field has no column, and accepts a chosen one', async () => {
    const content = Buffer.from(
      'Vorname,Name,Courriel,Handy,Geburtstag\nAnn,Example,ann@example.com,2015550100,1990-05-17\n',
    );
    const view = await upload('german.csv', content);
    expect(view.report.unmapped).toEqual({
      lastName: 'Choose the column that holds last name: it is required.',
      phone: 'Choose the column that holds phone: it is required.',
      dateOfBirth: 'Choose the column that holds date of birth: it is required.',
    });
    expect(await refusal(t.services.imports.apply(view.id, manager))).toHaveProperty('phone');
    expect(await refusal(t.services.imports.reconsider(view.id, { mapping: { phone: 9 } }, manager))).toEqual({
      'mapping.phone': 'Choose one of the file’s columns.',
    });
    const mapped = await t.services.imports.reconsider(
      view.id,
      { mapping: { lastName: 1, phone: 3, dateOfBirth: 4 } },
      manager,
    );
    expect(mapped.report.unmapped).toEqual({});
    expect(mapped.report.counts.toCreate).toBe(1);
  });
});

describe('applying', () => {
  it('creates the valid rows with audit entries marked with the import, and one entry for the import', async () => {
    const view = await upload('excel-semicolon-bom.csv');
    const started = await t.services.imports.apply(view.id, manager);
    expect(['applying', 'done']).toContain(started.status);
    const done = await finished(view.id);
    expect(done).toMatchObject({ status: 'done', appliedRows: 6, totalRows: 6 });
    expect(done.result).toEqual({ created: 3, updated: 0, skipped: 0, failed: 3 });
    const customers = await t.prisma.customer.findMany({ orderBy: { email: 'asc' } });
    expect(customers.map((c) => [c.email, c.phone, c.dateOfBirth.toISOString().slice(0, 10)])).toEqual([
      ['ada@example.com', '+442079460958', '1990-05-17'],
      ['grace@example.com', '+12015550124', '1990-05-17'],
      ['zoe.muller@example.com', '+12015550123', '1990-05-17'],
    ]);
    expect(customers.find((c) => c.firstName === 'Zoë')?.notes).toBe('Met at the fair; likes\ntea');
    const entries = await t.prisma.auditLog.findMany({ where: { importId: view.id }, orderBy: { id: 'asc' } });
    expect(entries.map((entry) => [entry.action, entry.resource])).toEqual([
      ['create', 'Customer'],
      ['create', 'Customer'],
      ['create', 'Customer'],
      ['import', 'CustomerImport'],
    ]);
    expect(entries[3]).toMatchObject({ actorId: manager.id, recordId: String(view.id) });
    expect(entries[3]!.changes).toEqual({
      fileName: [null, 'excel-semicolon-bom.csv'],
      created: [null, 3],
      updated: [null, 0],
      skipped: [null, 0],
      failed: [null, 3],
    });
    const stored = await t.prisma.customerImport.findUniqueOrThrow({ where: { id: view.id } });
    expect(stored.content).toBeNull();
  });

  it('creates no duplicates when the same file is applied twice', async () => {
    const first = await upload('quoted-newlines.csv');
    await t.services.imports.apply(first.id, manager);
    expect((await finished(first.id)).result).toEqual({ created: 3, updated: 0, skipped: 0, failed: 0 });
    const second = await upload('quoted-newlines.csv');
    expect(second.report.counts).toEqual({ toCreate: 0, toUpdate: 0, invalid: 0, unchanged: 3 });
    await t.services.imports.apply(second.id, manager);
    expect((await finished(second.id)).result).toEqual({ created: 0, updated: 0, skipped: 3, failed: 0 });
    expect(await t.prisma.customer.count()).toBe(3);
    // Applying an import again does nothing more.
    await t.services.imports.apply(first.id, manager);
    expect((await finished(first.id)).result.created).toBe(3);
    expect(await t.prisma.customer.count()).toBe(3);
  });

  it('updates customers matched by email when asked to, with their normal update entry', async () => {
    const changed = await existing('Changed', 'changed@example.com', '2015550151');
    const view = await upload('duplicates-tab.csv', undefined, { updateExisting: true });
    await t.services.imports.apply(view.id, manager);
    const done = await finished(view.id);
    expect(done.result).toEqual({ created: 4, updated: 1, skipped: 0, failed: 2 });
    expect(await t.prisma.customer.findUniqueOrThrow({ where: { id: changed.id } })).toMatchObject({
      lastName: 'Newname',
      updatedById: manager.id,
    });
    const entry = await t.prisma.auditLog.findFirstOrThrow({ where: { importId: view.id, action: 'update' } });
    expect(entry).toMatchObject({ recordId: String(changed.id), changes: { lastName: ['Same', 'Newname'] } });
  });

  it('keeps no file past a day unapplied, and changes nothing once applied', async () => {
    const stale = await upload('quoted-newlines.csv');
    const applied = await upload('excel-semicolon-bom.csv');
    await t.services.imports.apply(applied.id, manager);
    await finished(applied.id);
    expect(await refusal(t.services.imports.reconsider(applied.id, {}, manager))).toEqual({
      import: 'This import was applied or dropped; upload the file again.',
    });
    t.clock.set(new Date(t.clock().getTime() + 25 * 60 * 60 * 1000));
    await upload('quoted-newlines.csv');
    const dropped = await t.prisma.customerImport.findUniqueOrThrow({ where: { id: stale.id } });
    expect(dropped).toMatchObject({ status: 'abandoned', content: null });
    expect(await refusal(t.services.imports.apply(stale.id, manager))).toEqual({
      import: 'This import’s file is no longer kept; upload it again.',
    });
    t.clock.set('2026-11-23T12:00:00.000Z');
  });

  it('applies the rows its dry run checked, without reading the file again', async () => {
    const view = await upload('quoted-newlines.csv');
    await t.prisma.customerImport.update({
      where: { id: view.id },
      data: { content: new Uint8Array([0x50, 0x4b, 3, 4]) },
    });
    await t.services.imports.apply(view.id, manager);
    expect(await finished(view.id)).toMatchObject({ status: 'done', result: { created: 3 } });
  });

  it('marks an apply that stops on an error failed, with a sentence, and applying again finishes it', async () => {
    const view = await upload('quoted-newlines.csv');
    // The stored file damaged behind the service's back, and applied by an instance that did not
    // dry-run it (so has not its checked rows): the apply cannot read the file.
    await t.prisma.customerImport.update({
      where: { id: view.id },
      data: { content: new Uint8Array([0x50, 0x4b, 3, 4]) },
    });
    const otherInstance = createServices({
      prisma: t.prisma,
      defaultPhoneRegion: 'US',
      clock: t.clock,
      mail: t.mailbox.sender,
      publicUrl: 'http://backoffice.test',
    });
    await otherInstance.imports.apply(view.id, manager);
    const failed = await finished(view.id);
    expect(failed).toMatchObject({ status: 'failed', appliedRows: 0 });
    expect(failed.failure).toBe(
      'The import stopped because of a server error; apply it again to continue where it stopped.',
    );
    await t.prisma.customerImport.update({ where: { id: view.id }, data: { content: fixture('quoted-newlines.csv') } });
    await otherInstance.imports.apply(view.id, manager);
    expect(await finished(view.id)).toMatchObject({ status: 'done', failure: null, result: { created: 3 } });
  });
});
