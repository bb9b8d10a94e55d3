import {
  contactPreferencesFor,
  ContactPreference,
  MessagingPreference,
} from '../../../src/repairs/tenants/contactPreference';
import { parseEmail } from '../../../src/repairs/tenants/email';
import { isLockedOut } from '../../../src/repairs/tenants/lockout';
import { maskEmail, maskPhone } from '../../../src/repairs/tenants/masking';
import { parseUkPhone } from '../../../src/repairs/tenants/phone';

describe('isLockedOut', () => {
  it.each([
    [0, undefined, false],
    [2, undefined, false],
    [3, undefined, true],
    [4, undefined, true],
    [4, 5, false],
    [5, 5, true],
  ])('%i failures (max %s) → %s', (failures, max, expected) => {
    expect(isLockedOut(failures, max)).toBe(expected);
  });
});

describe('masking', () => {
  it.each([
    ['07700900123', 'ending 123'],
    ['07700 900 123', 'ending 123'],
    ['+44 7700 900123', 'ending 123'],
    ['0113 496 0101', 'ending 101'],
    ['12', 'ending ***'],
  ])('maskPhone(%j) → %s', (phone, expected) => {
    expect(maskPhone(phone)).toBe(expected);
  });

  it.each([
    ['sam.jones@example.com', 's••••@e••••.com'],
    ['a@b.org', 'a••••@b••••.org'],
    ['Amelia.Hart@Example.CO.UK', 'A••••@e••••.co.uk'],
    ['someone@mail.example.com', 's••••@m••••.com'],
    ['jo@localhost', 'j••••@l••••'],
    ['not-an-email', '••••'],
  ])('maskEmail(%j) → %s', (email, expected) => {
    expect(maskEmail(email)).toBe(expected);
  });

  it('does not give away the length of the address', () => {
    expect(maskEmail('s@example.com')).toBe(maskEmail('samantha.jones-smith@example.com'));
  });
});

describe('parseUkPhone', () => {
  it.each([
    ['07700900123', '+447700900123', true],
    ['07700 900 123', '+447700900123', true],
    ['+447700900123', '+447700900123', true],
    ['447700900123', '+447700900123', true],
    ['+44 (0)7700 900123', '+447700900123', true],
    ['0044 7700 900123', '+447700900123', true],
    ['07911-123-456', '+447911123456', true],
    ['(07911) 123456', '+447911123456', true],
    ['+44 7911 123456', '+447911123456', true],
    ['07624 123456', '+447624123456', true], // Isle of Man mobile
    ['0113 496 0101', '+441134960101', false],
    ['(0113) 496-0101', '+441134960101', false],
    ['020 7946 0018', '+442079460018', false],
    ['+44 20 7946 0018', '+442079460018', false],
    ['01632 960123', '+441632960123', false],
    ['0161 496 0000', '+441614960000', false],
    ['0800 111 999', '+44800111999', false],
  ])('%j → %s, mobile %s', (input, e164, isMobile) => {
    expect(parseUkPhone(input)).toMatchObject({ e164, isMobile });
  });

  it.each([
    [''],
    ['12345'],
    ['999'],
    ['0770090012'], // one digit short
    ['077009001234'], // one digit too many
    ['07700 9OO123'], // letter O for zero
    ['+33 6 12 34 56 78'], // French mobile
    ['+1 212 555 0100'],
    ['0909 879 0000'], // premium rate
    ['call me'],
  ])('%j is refused', (input) => {
    expect(parseUkPhone(input)).toBeNull();
  });

  it('gives the national form for reading back', () => {
    expect(parseUkPhone('+447700900123')?.national).toBe('07700 900123');
  });
});

describe('parseEmail', () => {
  it.each([
    ['sam.jones@example.com', 'sam.jones@example.com'],
    ['  Sam.Jones@Example.COM ', 'Sam.Jones@example.com'],
    ['a+repairs@mail.example.co.uk', 'a+repairs@mail.example.co.uk'],
  ])('%j → %s', (input, expected) => {
    expect(parseEmail(input)).toBe(expected);
  });

  it.each([
    [''],
    ['sam'],
    ['sam@'],
    ['@example.com'],
    ['sam@example'],
    ['sam jones@example.com'],
    ['sam@@example.com'],
  ])('%j is refused', (input) => {
    expect(parseEmail(input)).toBeNull();
  });
});

describe('contactPreferencesFor', () => {
  const { None, EmailOnly, MobileTextOnly, EmailAndMobileText } = ContactPreference;
  const { Message, DontMessage } = MessagingPreference;
  it.each([
    [true, true, true, EmailAndMobileText, Message],
    [true, true, false, MobileTextOnly, Message],
    [true, false, true, EmailOnly, Message],
    [true, false, false, None, DontMessage],
    [false, true, true, EmailOnly, Message],
    [false, true, false, None, DontMessage],
    [false, false, true, EmailOnly, Message],
    [false, false, false, None, DontMessage],
  ])(
    'wantsTexts %s, mobile %s, email %s → contact %i, messaging %i',
    (wantsTexts, hasMobile, hasEmail, contact, messaging) => {
      expect(contactPreferencesFor({ wantsTexts, hasMobile, hasEmail })).toEqual({
        contactPreference: contact,
        messagingPreference: messaging,
      });
    },
  );

  it('uses the numbers of the Connect specification', () => {
    expect(ContactPreference).toEqual({
      None: 0,
      EmailOnly: 1,
      MobileTextOnly: 2,
      HomeTextOnly: 3,
      EmailAndMobileText: 4,
      EmailAndHomeText: 5,
    });
    expect(MessagingPreference).toEqual({ Message: 0, DontMessage: 1, NeverMessage: 2 });
  });
});
