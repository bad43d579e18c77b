/**
 * What a customer is found by. One normalisation — lower case, accents and ligatures folded,
 * phone numbers as digits — fills Customer.searchText (kept by the customer service) and is applied
 * to what staff type, so "muller" finds "Müller" and "(020) 7946-0958" finds +44 20 7946 0958.
 * The column is indexed for substring search by trigrams (SQLite FTS5, PostgreSQL pg_trgm).
 */

/** Shortest pattern a trigram index can look up. */
export const MIN_INDEXED_PATTERN_LENGTH = 3;
/** Words of a search beyond this many are ignored. */
export const MAX_SEARCH_WORDS = 5;

/** Letters that have no decomposition into a base letter and accents. */
const FOLDED_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  '’': "'",
  '‘': "'",
};
const FOLDED_LETTER = new RegExp(`[${Object.keys(FOLDED_LETTERS).join('')}]`, 'g');

/** Lower case, without accents, single spaces: "  Zoë  MÜLLER " → "zoe muller". */
export function foldText(text: string): string {
  // Plain ASCII (most text) skips the Unicode decomposition, which costs several times more.
  const folded = /[^\p{ASCII}]/u.test(text) ? foldLetters(text) : text.toLowerCase();
  return folded.replace(/\s+/g, ' ').trim();
}

function foldLetters(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(FOLDED_LETTER, (letter) => FOLDED_LETTERS[letter]!);
}

/** Digits from which a leading 00 or 0 is dropped: a whole number, not a fragment like "0199". */
const MIN_DIALLED_NUMBER_DIGITS = 7;

/**
 * The digits of a typed phone number as they appear in E.164: "+44 20 7946 0958", "0044 20…" and
 * "020 7946 0958" all give digits found in 442079460958 — the 00 of international dialling and a
 * national trunk 0 are dropped (E.164 digits never start with 0).
 */
export function phoneSearchDigits(typed: string): string {
  const digits = typed.replace(/\D/g, '');
  return digits.length >= MIN_DIALLED_NUMBER_DIGITS ? digits.replace(/^0{1,2}/, '') : digits;
}

export interface SearchableCustomer {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

/**
 * " ada lovelace ada@example.com 12015550101": every word after a space, so that a two-letter
 * search (" wu") can ask for the start of a word and still be three characters long.
 */
export function customerSearchText(customer: SearchableCustomer): string {
  return ` ${foldText(`${customer.firstName} ${customer.lastName} ${customer.email} ${customer.phone.replace(/\D/g, '')}`)}`;
}

/**
 * A typed search as the patterns the search text must contain: every term must match, a term
 * matches when the text contains one of its patterns. A word of three characters or more matches
 * anywhere (and, when it holds 3+ digits, also as phone digits); a word of one or two characters
 * matches the start of a word. A search that is only a phone number, in any format, is one term:
 * its digits. An empty result means there is nothing to search for.
 */
export function searchPatterns(search: string): string[][] {
  const typed = search.trim();
  if (/^\+?[\d\s().\-/]+$/.test(typed)) {
    const digits = phoneSearchDigits(typed);
    if (digits.length >= MIN_INDEXED_PATTERN_LENGTH) return [[digits]];
  }
  return foldText(typed)
    .split(' ')
    .filter(Boolean)
    .slice(0, MAX_SEARCH_WORDS)
    .map((word) => {
      if ([...word].length < MIN_INDEXED_PATTERN_LENGTH) return [` ${word}`];
      const digits = phoneSearchDigits(word);
      return digits.length >= MIN_INDEXED_PATTERN_LENGTH && digits !== word ? [word, digits] : [word];
    });
}

/** True when an index can look the term up: every one of its patterns is long enough. */
export function isIndexedTerm(patterns: readonly string[]): boolean {
  return patterns.every((pattern) => [...pattern].length >= MIN_INDEXED_PATTERN_LENGTH);
}

/**
 * Why a search finds no one whatever the customers, or undefined: one-letter words alone ("a b")
 * are not looked up (each would match most of the table), only beside a longer word.
 */
export function unsearchableReason(search: string): string | undefined {
  const terms = searchPatterns(search);
  if (terms.length === 0 || terms.some(isIndexedTerm)) return undefined;
  return 'One-letter words are only searched beside a longer word: add a word of two letters or more.';
}
