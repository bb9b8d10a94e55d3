import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { PROPERTY_CLAIM, SiteIdentityVerifier } from '../../../src/repairs/tenants';

const NOW = new Date('2026-12-01T09:00:00Z');
const SECRET = 'a-secret-the-housing-website-and-the-bot-share-0123456789';
const ISSUER = 'https://www.example-housing.org';
const AUDIENCE = 'repairs-bot';
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    [PROPERTY_CLAIM]: 'PROP-0001',
    iss: ISSUER,
    aud: AUDIENCE,
    iat: seconds(NOW) - 60,
    exp: seconds(NOW) + 600,
    ...overrides,
  };
}

function hs256(payload: JWTPayload, secret = SECRET): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

describe('SiteIdentityVerifier with a shared secret (HS256)', () => {
  const verifier = new SiteIdentityVerifier({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE }, () => NOW);

  it('accepts a token the website signed and names the property', async () => {
    expect(await verifier.verify(await hs256(claims()))).toEqual({ ok: true, propertyId: 'PROP-0001' });
  });

  it.each<[string, () => Promise<string>, string]>([
    ['expired', () => hs256(claims({ exp: seconds(NOW) - 120 })), 'expired'],
    ['signed with another secret', () => hs256(claims(), 'another-secret-of-the-right-length-0123456789'), 'signature'],
    ['from another issuer', () => hs256(claims({ iss: 'https://evil.example' })), 'claims'],
    ['for another audience', () => hs256(claims({ aud: 'another-bot' })), 'claims'],
    ['issued too long ago', () => hs256(claims({ iat: seconds(NOW) - 7200 })), 'expired'],
    ['without an expiry', () => hs256(claims({ exp: undefined })), 'claims'],
    ['without the property', () => hs256(claims({ [PROPERTY_CLAIM]: undefined })), 'claims'],
    ['with an empty property', () => hs256(claims({ [PROPERTY_CLAIM]: '  ' })), 'no-property'],
    ['with a number for a property', () => hs256(claims({ [PROPERTY_CLAIM]: 1 })), 'no-property'],
    ['not a JWT at all', async () => 'hello there', 'malformed'],
    ['far too long', async () => `${'a'.repeat(5000)}.b.c`, 'malformed'],
    [
      'unsigned (alg none)',
      async () => {
        const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims())}.x`;
      },
      'malformed',
    ],
  ])('refuses a token %s', async (_name, make, reason) => {
    expect(await verifier.verify(await make())).toEqual({ ok: false, reason });
  });
});

describe('SiteIdentityVerifier with the website key set (RS256)', () => {
  let server: http.Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;
  let requests = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as CryptoKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'site-1', alg: 'RS256', use: 'sig' };
    server = http.createServer((_req, res) => {
      requests += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const rs256 = (payload: JWTPayload, kid = 'site-1') =>
    new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);

  it('accepts a token signed with the published key, fetching the key set once', async () => {
    const verifier = new SiteIdentityVerifier({ jwksUrl, issuer: ISSUER, audience: AUDIENCE }, () => NOW);
    const before = requests;
    expect(await verifier.verify(await rs256(claims()))).toEqual({ ok: true, propertyId: 'PROP-0001' });
    expect(await verifier.verify(await rs256(claims({ [PROPERTY_CLAIM]: 'PROP-0002' })))).toEqual({
      ok: true,
      propertyId: 'PROP-0002',
    });
    expect(requests - before).toBe(1);
  });

  it('refuses an HS256 token when RS256 is configured (no algorithm switching)', async () => {
    const verifier = new SiteIdentityVerifier({ jwksUrl, issuer: ISSUER, audience: AUDIENCE }, () => NOW);
    const result = await verifier.verify(await hs256(claims()));
    expect(result.ok).toBe(false);
  });

  it('refuses a token signed by a key the website did not publish', async () => {
    const verifier = new SiteIdentityVerifier({ jwksUrl, issuer: ISSUER, audience: AUDIENCE }, () => NOW);
    const other = await generateKeyPair('RS256');
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'RS256', kid: 'site-1' })
      .sign(other.privateKey);
    expect(await verifier.verify(token)).toEqual({ ok: false, reason: 'signature' });
  });

  it('says the keys are unavailable when the key set cannot be fetched', async () => {
    const verifier = new SiteIdentityVerifier(
      { jwksUrl: 'http://127.0.0.1:9/jwks.json', issuer: ISSUER, audience: AUDIENCE },
      () => NOW,
    );
    expect(await verifier.verify(await rs256(claims()))).toEqual({ ok: false, reason: 'keys-unavailable' });
  });
});
