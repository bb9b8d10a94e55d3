import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging/logger';

/** The logger's redaction: what a careless log call passes is censored by key, at the top and nested. */
describe('the logger censors secrets and personal fields by name', () => {
  function logged(object: object): string {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString('utf8');
        done();
      },
    });
    createLogger('trace', sink).info(object, 'test');
    return out;
  }

  it.each([
    ['a password', { password: 'hunter2-secret' }],
    ['a nested token', { auth: { token: 'tok-123456789' } }],
    ['an Authorization header', { req: { headers: { authorization: 'Bearer abc.def.ghi' } } }],
    ['a Twilio signature header', { headers: { 'x-twilio-signature': 'sig-abcdef' } }],
    ['a blob connection string', { storage: { connectionString: 'AccountKey=abcdef==' } }],
    ['a Connect order', { order: { OrderContact: { MobilePhone: '+447700900101', EmailAddress: 'a@b.example' } } }],
    ['a contact', { contact: { mobile: '07700900101', email: 'a@b.example' } }],
    ['an address', { tenant: { address: { Line1: 'Flat 3, 12 Aire Street', PostCode: 'LS1 4AB' } } }],
    ['names', { customer: { FirstName: 'Amelia', LastName: 'Hart' } }],
  ])('%s', (_name, object) => {
    const line = logged(object);
    expect(line).toContain('[redacted]');
    for (const secret of [
      'hunter2',
      'tok-123',
      'abc.def',
      'sig-abc',
      'AccountKey',
      '7700900101',
      'a@b',
      'Aire',
      'LS1',
      'Amelia',
      'Hart',
    ])
      expect(line).not.toContain(secret);
  });

  it('leaves what is meant to be logged', () => {
    const line = JSON.parse(
      logged({ operation: 'postSalesOrder', status: 503, err: { name: 'ConnectError' } }),
    ) as Record<string, unknown>;
    expect(line).toMatchObject({
      operation: 'postSalesOrder',
      status: 503,
      err: { name: 'ConnectError' },
      msg: 'test',
    });
  });
});
