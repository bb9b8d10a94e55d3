import { normaliseTenantText, wordsOf } from '../../../src/repairs/text/normalise';

describe('normaliseTenantText', () => {
  it.each([
    ['Water coming THRU the ceiling', 'water coming through the ceiling'],
    ['I cant turn it off', "i can't turn it off"],
    ['door wont lock', "door won't lock"],
    ['Door won’t lock', "door won't lock"],
    ['“gas” smell', '"gas" smell'],
    ['dont know, isnt working, doesnt flush', "don't know, isn't working, doesn't flush"],
    ['pls help ur engineer', 'please help your engineer'],
    ['no elec, no lecky, no leccy', 'no electric, no electric, no electric'],
    ['loo blocked in the bthrm', 'toilet blocked in the bathroom'],
    ['kitchn tap', 'kitchen tap'],
    ['  lots   of\n\tspace  ', 'lots of space'],
    ['gasssss', 'gass'],
    ['heellllp', 'heellp'],
    ['the u-bend is leaking', 'the u-bend is leaking'],
    ['can not lock it, will not shut', "can't lock it, won't shut"],
    ['heating & hot water', 'heating and hot water'],
    ['no heating/hot water', 'no heating or hot water'],
    ['cannot lock', "can't lock"],
    ["loo's blocked", "toilet's blocked"], // a word with a clitic is spelt out too
    ['celing leeking in the bk bedroom', 'ceiling leaking in the back bedroom'],
    ["rad's leakin", "rad's leaking"],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(normaliseTenantText(text)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = normaliseTenantText('Cant lock the frnt door thru the nite, pls!!');
    expect(normaliseTenantText(once)).toBe(once);
  });
});

describe('wordsOf', () => {
  it('keeps apostrophes inside words and drops punctuation', () => {
    expect(wordsOf("the door won't lock, it's stuck!")).toEqual(['the', 'door', "won't", 'lock', "it's", 'stuck']);
  });
});
