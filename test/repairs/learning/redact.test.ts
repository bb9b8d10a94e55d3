import { redact } from '../../../src/repairs/learning';

describe('redact: personal details are replaced by markers', () => {
  it.each([
    // E-mail addresses
    ['email me at sarah.jones@example.org please', 'email me at [email] please'],
    ["o'brien+repairs@mail.co.uk is my email", '[email] is my email'],
    // Phone numbers, as tenants type them
    ['call me on 07700 900123', 'call me on [phone]'],
    ['ring 07700900123 after 5', 'ring [phone] after 5'],
    ['my number is +44 7700 900123', 'my number is [phone]'],
    ['+44 (0)7700 900 123 any time', '[phone] any time'],
    ['landline 0161 496 0000', 'landline [phone]'],
    ['0113-496-0000 or 0113.496.0001', '[phone] or [phone]'],
    ['(020) 7946 0958', '[phone]'],
    // UK postcodes, any case and spacing
    ['my postcode is LS1 4AB', 'my postcode is [postcode]'],
    ['postcode m1 1ae', 'postcode [postcode]'],
    ['SW1A1AA damp in bedroom', '[postcode] damp in bedroom'],
    ['flat in EC1A 1BB, lift broken', 'flat in [postcode], lift broken'],
    // House numbers with street names
    ['I live at 12 Acacia Avenue', 'I live at [address]'],
    ['21b baker st. kitchen tap drips', '[address] kitchen tap drips'],
    ["4, St John's Road, front door sticks", '[address], front door sticks'],
    ['flat 3, 45 High Street', 'flat 3, [address]'],
    ['12-14 mill lane has no hot water', '[address] has no hot water'],
    ['at 7 Kingfisher Close LS6 2QT', 'at [address] [postcode]'],
    // Names after 'my name is', 'I am', 'this is', and after titles
    ['my name is Sarah Jones and my toilet is blocked', 'my name is [name] and my toilet is blocked'],
    ['my name is sarah jones', 'my name is [name]'],
    ["my name's Tom, window broken", "my name's [name], window broken"],
    ['Hi, I am Sarah. The boiler is broken', 'Hi, I am [name]. The boiler is broken'],
    ["I'm Dave, shower tray cracked", "I'm [name], shower tray cracked"],
    ['i am sarah from flat 2, tap leaking', 'i am [name] from flat 2, tap leaking'],
    ['This is Mohammed Al-Hassan speaking', 'This is [name] speaking'],
    ['this is sarah jones from the top floor', 'this is [name] from the top floor'],
    ['This is Mrs Patel, no heating', 'This is [name], no heating'],
    ['Mr Smith next door has a leak too', '[name] next door has a leak too'],
    // Several at once
    [
      'My name is Sarah, 12 Acacia Avenue LS1 4AB, 07700 900123, sarah@example.org',
      'My name is [name], [address] [postcode], [phone], [email]',
    ],
  ])('%j → %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });
});

describe('redact: the repair stays readable', () => {
  it.each([
    ['the tap in the bath drips'],
    ['I am cold and the heating is off'],
    ['I am having problems with my boiler'],
    ['im waiting for a plumber'],
    ['i am disabled and cant use the stairs'],
    ['this is the third time I have reported this'],
    ['this is urgent'],
    ['this is mould in the bathroom'],
    ['2 taps and 3 radiators between 10 and 12'],
    ["the 2 windows won't close"],
    ['water from 3rd floor flat'],
    ['leak under the sink since 12/03/2026'],
    ['the Dr said damp is making my son ill'],
    ['3 way valve on the boiler'],
  ])('%j is kept as it is', (text) => {
    expect(redact(text)).toBe(text);
  });
});
