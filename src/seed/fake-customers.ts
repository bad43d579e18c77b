/**
 * Deterministic fake customers for development and benchmarks: customer number n is the same on
 * every run and every database. Names, birth dates and notes come from faker in the customer's
 * country's locale; phone numbers are valid for that country (libphonenumber's full metadata) and
 * unique by construction; emails are unique and all at SEED_EMAIL_DOMAIN, which marks a customer
 * as seeded.
 */
import type { CustomerData } from '../domain/customers/validation.js';
import { base, de, en, en_GB, en_US, es, Faker, fr, vi, type LocaleDefinition, type Randomizer } from '@faker-js/faker';
import { customerSearchText, foldText } from '../domain/customers/search-text.js';

/** A reserved domain (RFC 2606): no real customer has an address there. */
export const SEED_EMAIL_DOMAIN = 'seed.example';

export interface FakeCustomer extends CustomerData {
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  searchText: string;
}

/** Customer 1 joins at this moment, each next one about a minute later. */
const FIRST_SIGN_UP = Date.UTC(2024, 0, 1, 8);
const SIGN_UP_INTERVAL_MS = 60_000;
/** Ages are reckoned on this day, so that the data does not depend on when it is generated. */
const AGE_REFERENCE_DAY = new Date(Date.UTC(2026, 0, 1));
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A country: its share of the customers, its faker locale, and phone prefixes after which every
 * combination of `freeDigits` digits is a valid number (checked against libphonenumber's metadata).
 */
interface Country {
  share: number;
  locale: LocaleDefinition[];
  phonePrefixes: string[];
  freeDigits: number;
}

const COUNTRIES: Country[] = [
  {
    share: 50,
    locale: [en_US, en, base],
    phonePrefixes: [
      '+12012',
      '+12123',
      '+13124',
      '+14155',
      '+16177',
      '+17136',
      '+12068',
      '+13039',
      '+14042',
      '+13052',
      '+17024',
      '+15126',
    ],
    freeDigits: 6,
  },
  {
    share: 12,
    locale: [en_GB, en, base],
    phonePrefixes: [
      '+44771',
      '+44772',
      '+44773',
      '+44774',
      '+44775',
      '+44780',
      '+44781',
      '+44784',
      '+44785',
      '+44786',
      '+44787',
      '+44790',
    ],
    freeDigits: 7,
  },
  {
    share: 14,
    locale: [de, en, base],
    phonePrefixes: ['+49151', '+49152', '+49157', '+49160', '+49170', '+49171', '+49176'],
    freeDigits: 8,
  },
  {
    share: 9,
    locale: [fr, en, base],
    phonePrefixes: ['+33612', '+33615', '+33620', '+33630', '+33650', '+33660', '+33670', '+33680'],
    freeDigits: 6,
  },
  { share: 9, locale: [es, en, base], phonePrefixes: ['+346'], freeDigits: 8 },
  { share: 6, locale: [vi, en, base], phonePrefixes: ['+8490', '+8491', '+8497', '+8498'], freeDigits: 7 },
];
const TOTAL_SHARE = COUNTRIES.reduce((sum, country) => sum + country.share, 0);

const NOTES = [
  'Prefers to be contacted by email.',
  'Loyalty card holder.',
  'Asked not to receive promotional mail.',
  'Regular at the city centre shop.',
  'Allergic to nuts — mention when ordering gift baskets.',
  'Returned an item without receipt once; refund approved by the manager.',
  'Wants a call when the autumn collection arrives.',
];

/** A fast randomizer whose seeding costs nothing, so that every customer can have its own seed. */
function hashRandomizer(): Randomizer {
  let state = 0;
  return {
    seed(seed) {
      state = (Array.isArray(seed) ? (seed[0] ?? 0) : seed) | 0;
    },
    next() {
      state = (state + 0x9e3779b9) | 0;
      let mixed = Math.imul(state ^ (state >>> 16), 0x85ebca6b);
      mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
      return ((mixed ^ (mixed >>> 16)) >>> 0) / 4294967296;
    },
  };
}

const fakers = COUNTRIES.map((country) => new Faker({ locale: country.locale, randomizer: hashRandomizer() }));

/** A bijection of 0 … 10^digits − 1 that scatters consecutive numbers (the factor is coprime to 10). */
function scatter(value: number, digits: number): string {
  return String((BigInt(value) * 73_682_947n + 46_103_891n) % 10n ** BigInt(digits)).padStart(digits, '0');
}

function countryOf(number: number): number {
  let point = Math.imul(number, 0x2c1b3c6d) >>> 0;
  point %= TOTAL_SHARE;
  return COUNTRIES.findIndex((country) => (point -= country.share) < 0);
}

/** Unique per customer: the customer's number picks the prefix and, scattered, the digits after it. */
function phoneOf(country: Country, number: number): string {
  const prefix = country.phonePrefixes[number % country.phonePrefixes.length]!;
  return prefix + scatter(Math.floor(number / country.phonePrefixes.length), country.freeDigits);
}

const emailWord = (name: string) => foldText(name).replace(/[^a-z0-9]/g, '');

/** Customer number `number` (1, 2, …). */
export function fakeCustomer(number: number): FakeCustomer {
  const countryIndex = countryOf(number);
  const country = COUNTRIES[countryIndex]!;
  const faker = fakers[countryIndex]!;
  faker.seed(number);
  const sex = faker.person.sexType();
  const firstName = faker.person.firstName(sex);
  const lastName = faker.person.lastName(sex);
  const first = emailWord(firstName) || 'customer';
  const last = emailWord(lastName) || 'customer';
  const local = faker.helpers.arrayElement([
    `${first}.${last}${number}`,
    `${first[0]}${last}${number}`,
    `${last}.${first}${number}`,
    `${first}${number}`,
  ]);
  const email = `${local}@${SEED_EMAIL_DOMAIN}`;
  const phone = phoneOf(country, number);
  const birth = faker.date.birthdate({ mode: 'age', min: 16, max: 90, refDate: AGE_REFERENCE_DAY });
  const dateOfBirth = new Date(Date.UTC(birth.getUTCFullYear(), birth.getUTCMonth(), birth.getUTCDate()));
  const createdAt = new Date(
    FIRST_SIGN_UP + (number - 1) * SIGN_UP_INTERVAL_MS + faker.number.int(SIGN_UP_INTERVAL_MS - 1),
  );
  const deletedAt =
    faker.number.int(99) < 2 ? new Date(createdAt.getTime() + faker.number.int({ min: 1, max: 90 }) * DAY_MS) : null;
  const notes = faker.number.int(9) === 0 ? faker.helpers.arrayElement(NOTES) : null;
  return {
    firstName,
    lastName,
    email,
    phone,
    dateOfBirth,
    notes,
    createdAt,
    updatedAt: deletedAt ?? createdAt,
    deletedAt,
    searchText: customerSearchText({ firstName, lastName, email, phone }),
  };
}
