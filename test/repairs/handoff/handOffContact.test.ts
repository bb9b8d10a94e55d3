import { MAX_NAME_LENGTH, parseContactAnswer, parseName } from '../../../src/repairs/handoff/handOffContact';
import { HAND_OFF_REASON_TEXT } from '../../../src/repairs/handoff/handOffReason';

describe('parseContactAnswer: a phone number or an e-mail address in one answer', () => {
  it.each([
    ['07700 900123', { kind: 'phone', phone: '07700 900123' }],
    ['+447700900123', { kind: 'phone', phone: '07700 900123' }],
    ['0044 (0)7700-900-123', { kind: 'phone', phone: '07700 900123' }],
    ['0113 496 0555', { kind: 'phone', phone: '0113 496 0555' }],
    ['01632 960123', { kind: 'phone', phone: '01632 960123' }],
    ['  sam.jones@Example.COM ', { kind: 'email', email: 'sam.jones@example.com' }],
  ])('%s is %j', (input, expected) => {
    expect(parseContactAnswer(input)).toEqual(expected);
  });

  it.each([
    ['', 'empty'],
    ['12345', 'too short'],
    ['+1 212 555 0100', 'not a UK number'],
    ['09098 790000', 'premium rate'],
    ['0800 FLOWERS', 'letters'],
    ['sam@', 'no domain'],
    ['sam jones@example.com', 'a space'],
    ['call me', 'words'],
  ])('%s is refused (%s)', (input) => {
    expect(parseContactAnswer(input)).toBeNull();
  });
});

describe('parseName', () => {
  it.each([
    ['Sam', 'Sam'],
    ["  Mrs   O'Brien ", "Mrs O'Brien"],
    ['Zoë Hart, her daughter', 'Zoë Hart, her daughter'],
    ['Priya (carer)', 'Priya (carer)'],
  ])('%j is %j', (input, expected) => {
    expect(parseName(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'spaces'],
    ['07700 900123', 'a phone number'],
    ['sam@example.com', 'an e-mail address'],
    ['Flat 3', 'digits'],
    ['...', 'no letter'],
    ['a'.repeat(MAX_NAME_LENGTH + 1), 'too long'],
  ])('%j is refused (%s)', (input) => {
    expect(parseName(input)).toBeNull();
  });
});

describe('hand-off reasons', () => {
  it('read plainly in the team’s mailbox', () => {
    expect(HAND_OFF_REASON_TEXT).toEqual({
      'something-else': 'Tenant chose "Something else"',
      'not-in-catalogue': 'Not in the repairs catalogue',
      'diagnosis-failed': 'Bot could not find the repair type',
    });
  });
});
