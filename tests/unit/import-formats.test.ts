/**
 * The pure parts of a customer import: reading files (separators, encodings, workbooks, refusals),
 * column names, date formats, options and the error report's formula neutralising.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FieldValidationError } from '../../src/domain/errors.js';
import { foldColumnName, proposeMapping } from '../../src/domain/imports/column-mapping.js';
import { detectDateFormat, toIsoDate } from '../../src/domain/imports/date-format.js';
import { errorsText } from '../../src/domain/imports/error-report.js';
import { neutraliseFormulaKeepingNumbers } from '../../src/domain/spreadsheet-formulas.js';
import { detectSeparator, readImportFile } from '../../src/domain/imports/import-file.js';
import { chosenOptions, optionsFromJson, proposeOptions } from '../../src/domain/imports/import-options.js';

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FieldValidationError);
  return (error as FieldValidationError).fieldErrors.file;
}

describe('reading a file', () => {
  it.each([
    ['a,b;c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
    ['"x;y",b,c\n1;2;3;4', ','],
  ])('%j is separated by %j', (text, separator) => {
    expect(detectSeparator(text)).toBe(separator);
  });

  it('reads Windows-1252 when the bytes are not UTF-8, and pads short rows', async () => {
    const content = Buffer.from('first;last\r\nZo\xeb\r\nAnn;Lee\r\n', 'latin1');
    expect(await readImportFile(content)).toEqual({
      header: ['first', 'last'],
      rows: [
        ['Zoë', ''],
        ['Ann', 'Lee'],
      ],
    });
  });

  it('skips blank lines, and reads a workbook’s rich text, formulas and hyperlinks as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('One');
    sheet.addRow(['Name', 'Email', 'Total']);
    sheet.addRow([]);
    sheet.addRow([
      { richText: [{ text: 'Zo' }, { text: 'ë' }] },
      { text: 'ada@example.com', hyperlink: 'mailto:ada@example.com' },
      { formula: '1+1', result: 2 },
    ]);
    const table = await readImportFile(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(table).toEqual({ header: ['Name', 'Email', 'Total'], rows: [['Zoë', 'ada@example.com', '2']] });
  });

  it('refuses a damaged workbook and an unclosed quote, saying so', async () => {
    expect(await refusal(readImportFile(Buffer.from('PK\x03\x04 not really a zip', 'latin1')))).toBe(
      'The XLSX file could not be opened: it is damaged or not an Excel workbook.',
    );
    expect(await refusal(readImportFile(Buffer.from('a,b\n"open,1\n')))).toMatch(/a quoted field is not closed/);
  });
});

describe('column names', () => {
  it('folds case, accents, spaces, dashes and underscores', () => {
    expect(foldColumnName('  E-Mail_Address ')).toBe('emailaddress');
    expect(foldColumnName('Prénom')).toBe('prenom');
  });

  it('proposes each column once, by synonyms', () => {
    expect(proposeMapping(['Given name', 'Surname', 'Mail', 'Cell', 'Birthday', 'Comments'])).toEqual({
      firstName: 0,
      lastName: 1,
      email: 2,
      phone: 3,
      dateOfBirth: 4,
      notes: 5,
    });
    expect(proposeMapping(['Phone', 'Telephone', 'Something'])).toMatchObject({ phone: 0, email: null });
  });
});

describe('dates', () => {
  it.each([
    ['17/05/1990', 'DMY', '1990-05-17'],
    ['05/17/1990', 'MDY', '1990-05-17'],
    ['17.05.1990', 'DMY', '1990-05-17'],
    ['1990-05-17', 'MDY', '1990-05-17'],
    ['33010', 'DMY', '1990-05-17'],
    ['33010.0', 'ISO', '1990-05-17'],
    ['05/06/1990', 'ISO', '05/06/1990'],
    ['May 17', 'DMY', 'May 17'],
  ] as const)('%s read as %s is %s', (value, format, iso) => {
    expect(toIsoDate(value, format)).toBe(iso);
  });

  it('detects a format only when the file leaves no doubt', () => {
    expect(detectDateFormat(['17/05/1990', '01/02/1990'])).toEqual({ format: 'DMY', detected: true });
    expect(detectDateFormat(['05/17/1990'])).toEqual({ format: 'MDY', detected: true });
    expect(detectDateFormat(['05/06/1990'])).toEqual({ format: 'DMY', detected: false });
    expect(detectDateFormat(['17/05/1990', '05/17/1990'])).toEqual({ format: 'DMY', detected: false });
    expect(detectDateFormat(['33010'])).toEqual({ format: 'SERIAL', detected: true });
    expect(detectDateFormat(['1990-05-17', '33010'])).toEqual({ format: 'ISO', detected: true });
    expect(detectDateFormat([])).toEqual({ format: 'ISO', detected: false });
  });
});

describe('options', () => {
  const table = { header: ['first', 'last', 'email', 'phone', 'dob'], rows: [['a', 'b', 'c', '+44 20 7946 0958', '']] };
  const { options } = proposeOptions(table, 'US');

  it('takes what is sent over what was proposed, and refuses the rest field by field', () => {
    expect(options.phoneRegion).toBe('GB');
    expect(
      chosenOptions(
        { mapping: { notes: '4', email: '' }, updateExisting: 'on', dateFormat: 'MDY', phoneRegion: ' us ' },
        options,
        5,
      ),
    ).toEqual({
      mapping: { firstName: 0, lastName: 1, email: null, phone: 3, dateOfBirth: 4, notes: 4 },
      dateFormat: 'MDY',
      phoneRegion: 'US',
      updateExisting: true,
    });
    let refused: unknown;
    try {
      chosenOptions({ mapping: { dob: 1 }, phoneRegion: 'XX', updateExisting: 'maybe', extra: 1 }, options, 5);
    } catch (error) {
      refused = error;
    }
    expect((refused as FieldValidationError).fieldErrors).toEqual({
      mapping: 'The mapping names fields that customers do not have.',
      phoneRegion: 'Choose a region by its two-letter code, like GB or US.',
      updateExisting: 'Say true or false.',
      options: 'Unknown option; the options are mapping, dateFormat, phoneRegion and updateExisting.',
    });
  });
});

describe('the error report', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['-2+3+cmd|x', `'-2+3+cmd|x`],
    ['+44 20 7946 0958', '+44 20 7946 0958'],
    ['-', '-'],
    ['Ada', 'Ada'],
  ])('%j is written %j', (cell, written) => {
    expect(neutraliseFormulaKeepingNumbers(cell)).toBe(written);
  });

  it('names each field by its label', () => {
    expect(errorsText({ email: 'Email is required.', row: 'Other.' })).toBe('Email: Email is required.; row: Other.');
  });

  it('reads options sent as JSON text', () => {
    expect(optionsFromJson(' ')).toBeUndefined();
    expect(optionsFromJson('{"dateFormat":"MDY"}')).toEqual({ dateFormat: 'MDY' });
    expect(() => optionsFromJson('{')).toThrow(FieldValidationError);
  });
});
