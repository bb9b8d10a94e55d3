import { isGsm7, segmentsOf, smsMessages, splitForSms, stripMarkdown, toGsm7 } from '../../src/dialogs/render/smsText';

describe('SMS text: GSM-7 and segments', () => {
  it.each([
    ['curly quotes', '\u2018it\u2019s\u2019 \u201Cfine\u201D', "'it's' \"fine\""],
    ['dashes and ellipsis', 'Monday \u2013 Friday \u2014 wait\u2026', 'Monday - Friday - wait...'],
    ['bullets', '\u2022 one\n\u00B7 two', '* one\n* two'],
    [
      'markdown',
      'This is **bold**, _em_, `code` and [our page](https://x.org/a)',
      'This is bold, em, code and our page https://x.org/a',
    ],
    ['markdown list and heading', '# Title\n- first\n+ second', 'Title\n* first\n* second'],
    ['masked details stay', 'e-mail a****@e****.com, 5 * 3', 'e-mail a****@e****.com, 5 * 3'],
    ['GSM-7 accents stay, others lose the accent', 'Café naïve Ñ', 'Café naive Ñ'],
    ['no GSM-7 stand-in', 'ok \u{1F600}', 'ok ?'],
    ['midday and pounds', 'midday, £5, €5', 'midday, £5, €5'],
  ])('%s', (_name, input, expected) => {
    expect(toGsm7(input)).toBe(expected);
    expect(isGsm7(toGsm7(input))).toBe(true);
  });

  it('leaves plain text alone', () => {
    expect(stripMarkdown('Reply with a number.\n1. Yes')).toBe('Reply with a number.\n1. Yes');
  });

  it.each([
    ['', 1],
    ['a'.repeat(160), 1],
    ['a'.repeat(161), 2],
    ['a'.repeat(306), 2],
    ['a'.repeat(307), 3],
    ['a'.repeat(459), 3],
    ['a'.repeat(460), 4],
    ['€'.repeat(80), 1],
    ['€'.repeat(81), 2],
    ['é'.repeat(10) + '\u0107', 1],
    ['\u0107'.repeat(71), 2],
  ])('segments of %#', (text, segments) => {
    expect(segmentsOf(text)).toBe(segments);
  });

  it('splits a long reply at line ends into messages of at most three segments', () => {
    const line = 'A line of text that is rather long, about seventy characters in all..';
    const text = Array.from({ length: 12 }, (_, i) => `${i + 1}. ${line}`).join('\n');
    const parts = splitForSms(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(segmentsOf(part)).toBeLessThanOrEqual(3);
    expect(parts.join('\n')).toBe(text);
    expect(parts.every((part) => /^\d+\. /.test(part))).toBe(true);
  });

  it('cuts a single very long line between words', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const parts = smsMessages(words);
    for (const part of parts) expect(segmentsOf(part)).toBeLessThanOrEqual(3);
    expect(parts.join(' ')).toBe(words);
  });

  it('keeps a short reply whole', () => {
    expect(smsMessages('Booked: Tuesday 1 December, afternoon, midday to 5pm.')).toEqual([
      'Booked: Tuesday 1 December, afternoon, midday to 5pm.',
    ]);
  });
});
