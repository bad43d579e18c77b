/**
 * Which column of an import file holds which customer field. The product proposes one from the
 * header names; the person importing may change it. A column name is compared folded: case,
 * accents, spaces, dashes and underscores do not count ("First_Name", "first name", "FIRSTNAME").
 */
import { FIELD_LABELS } from '../audit/audit-sentences.js';
import { CUSTOMER_FIELDS, type CustomerField } from '../customers/validation.js';

/** Field → index of its column in the header, or null when no column holds it. */
export type ColumnMapping = Record<CustomerField, number | null>;

export const REQUIRED_FIELDS: readonly CustomerField[] = ['firstName', 'lastName', 'email', 'phone', 'dateOfBirth'];

/** Header names, folded, that mean each field: the common ones of spreadsheets and other CRMs. */
const SYNONYMS: Record<CustomerField, readonly string[]> = {
  firstName: ['firstname', 'first', 'givenname', 'forename', 'prenom', 'vorname'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'nom', 'nachname'],
  email: ['email', 'emailaddress', 'mail', 'courriel'],
  phone: ['phone', 'phonenumber', 'mobile', 'mobilephone', 'cell', 'cellphone', 'telephone', 'tel', 'mobilenumber'],
  dateOfBirth: ['dateofbirth', 'dob', 'birthday', 'birthdate', 'born', 'datedenaissance'],
  notes: ['notes', 'note', 'comment', 'comments', 'remarks'],
};

/** "  E-Mail_Address " → "emailaddress". */
export function foldColumnName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The proposal: for each field, the first column whose folded name is one of its synonyms. */
export function proposeMapping(header: readonly string[]): ColumnMapping {
  const folded = header.map(foldColumnName);
  const taken = new Set<number>();
  const mapping = {} as ColumnMapping;
  for (const field of CUSTOMER_FIELDS) {
    const index = folded.findIndex((name, column) => !taken.has(column) && SYNONYMS[field].includes(name));
    mapping[field] = index === -1 ? null : index;
    if (index !== -1) taken.add(index);
  }
  return mapping;
}

/** {field: message} for required fields without a column; empty when the mapping can be used. */
export function unmappedFieldErrors(mapping: ColumnMapping): Record<string, string> {
  return Object.fromEntries(
    REQUIRED_FIELDS.filter((field) => mapping[field] === null).map((field) => [
      field,
      `Choose the column that holds ${FIELD_LABELS[field]!.toLowerCase()}: it is required.`,
    ]),
  );
}
