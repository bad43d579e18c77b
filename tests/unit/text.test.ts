import { describe, expect, it } from 'vitest';
import { isAcceptableText, isMarkupOnly, normalizeText } from '../../src/domain/text.js';

describe('isAcceptableText', () => {
  it.each([
    ['plain text', 'Ada Lovelace'],
    ['accents, scripts and emoji', 'Zoë 李 😀 ‏עברית'],
    ['a line separator (not a control character)', 'a\u2028b'],
  ])('accepts %s', (_name, text) => {
    expect(isAcceptableText(text)).toBe(true);
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a tab', 'a\tb'],
    ['a line feed', 'a\nb'],
    ['escape', '\u001b[31m'],
    ['DEL', 'a\u007f'],
    ['a C1 control (NEL)', 'a\u0085'],
    ['a lone high surrogate', 'a\ud800'],
    ['a lone low surrogate', '\udc00a'],
    ['surrogates in the wrong order', '\ude00\ud83d'],
  ])('refuses %s in a single-line field', (_name, text) => {
    expect(isAcceptableText(text)).toBe(false);
  });

  it('accepts tabs and line breaks (LF, CR LF, CR) in a multi-line field, no other control', () => {
    expect(isAcceptableText('a\tb\nc\r\nd\re', { multiline: true })).toBe(true);
    expect(isAcceptableText('a\u0000\nb', { multiline: true })).toBe(false);
    expect(isAcceptableText('a\u000bb', { multiline: true })).toBe(false);
  });
});

describe('normalizeText', () => {
  it('composes to NFC and, for multi-line text, writes line breaks as LF', () => {
    expect(normalizeText('Zoe\u0301')).toBe('Zoé');
    expect(normalizeText('a\r\nb\rc', { multiline: true })).toBe('a\nb\nc');
  });
});

describe('isMarkupOnly', () => {
  it.each([
    '</script><meta http-equiv=refresh content=0;url=http://evil.example>',
    '<b></b>',
    '&amp;&lt;',
    '<img src=x onerror=alert(1)> !',
  ])('is true for %j', (text) => {
    expect(isMarkupOnly(text)).toBe(true);
  });

  it.each(['Ada', 'Ada <3', 'Smith <b>bold</b>', 'O’Brien & Sons', '<', '--'])('is false for %j', (text) => {
    expect(isMarkupOnly(text)).toBe(false);
  });
});
