import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneRegion = CountryCode;

export type PhoneParseResult = { ok: true; e164: string } | { ok: false; message: string };

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function regionName(region: string): string {
  return regionNames.of(region) ?? region;
}

/**
 * Accepts what a person types ("(201) 555-0123", "+44 20 7946 0958", "0049-30-901820") and
 * returns E.164, checked against the numbering plan of its region (libphonenumber's full metadata).
 */
export function parsePhone(raw: string, defaultRegion: PhoneRegion): PhoneParseResult {
  const typed = raw.trim();
  if (/[a-z]/i.test(typed.replace(/\s*(ext\.?|x)\s*\d+$/i, ''))) {
    return {
      ok: false,
      message: 'A phone number may contain only digits, spaces, dashes, dots, brackets and a leading +.',
    };
  }
  if (!/\d/.test(typed)) return { ok: false, message: 'Enter a phone number.' };
  const phone = parsePhoneNumberFromString(typed, defaultRegion);
  if (!phone) {
    return {
      ok: false,
      message: `This is not a phone number. Numbers without +country code are read as ${regionName(defaultRegion)} (${defaultRegion}) numbers.`,
    };
  }
  if (!phone.isValid()) {
    const region = phone.country ?? (typed.startsWith('+') ? undefined : defaultRegion);
    return {
      ok: false,
      message: region
        ? `This is not a valid ${regionName(region)} (${region}) phone number. Check the digits, or start with + and the country code.`
        : 'This is not a valid phone number for its country code. Check the digits.',
    };
  }
  return { ok: true, e164: phone.number };
}

/** Formatting parses the number against the full metadata (tens of µs): 20 per list page. */
const FORMATTED_PHONES_KEPT = 20_000;
const formattedPhones = new Map<string, string>();

/** E.164 → what a person reads: "+1 201 555 0123". Unparseable values are shown as stored. */
export function formatPhone(e164: string): string {
  let formatted = formattedPhones.get(e164);
  if (formatted === undefined) {
    formatted = parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
    if (formattedPhones.size >= FORMATTED_PHONES_KEPT) formattedPhones.clear();
    formattedPhones.set(e164, formatted);
  }
  return formatted;
}
