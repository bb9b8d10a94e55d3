import type * as Jose from 'jose';

/** jose is loaded when a verifier is made, i.e. only with the WEBCHAT_IDENTITY_ settings (20 ms of start-up). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jose = (): typeof Jose => require('jose') as typeof Jose;

/**
 * The claim in the housing website's token that names the tenant's home: Connect's Customer.ExternalId of the
 * property. A custom claim rather than `sub`, because `sub` is the website's own account id, not the property.
 */
export const PROPERTY_CLAIM = 'property_external_id';

export interface SiteIdentitySettings {
  /** HS256: the secret the website and the bot share (at least 32 characters). */
  secret?: string;
  /** RS256: where the website publishes its public keys (a JSON Web Key Set). */
  jwksUrl?: string;
  issuer: string;
  audience: string;
}

/** Why a token was refused: for logs and tests, never shown to the tenant. */
export type SiteIdentityRefusal = 'expired' | 'signature' | 'claims' | 'malformed' | 'no-property' | 'keys-unavailable';

export type SiteIdentityResult = { ok: true; propertyId: string } | { ok: false; reason: SiteIdentityRefusal };

/** Tokens are short-lived: a website mints one when it opens the chat. Older ones are refused even if unexpired. */
const MAX_TOKEN_AGE = '1h';
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Checks a token the housing website signed for a logged-in tenant: signature (HS256 with the shared secret, or
 * RS256 against the website's key set), issuer, audience, expiry and age. Only the algorithm configured is
 * accepted, so a token cannot choose a weaker one.
 */
export class SiteIdentityVerifier {
  private readonly key: Uint8Array | Jose.JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(
    private readonly settings: SiteIdentitySettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (settings.secret) {
      this.key = new TextEncoder().encode(settings.secret);
      this.algorithms = ['HS256'];
    } else if (settings.jwksUrl) {
      this.key = jose().createRemoteJWKSet(new URL(settings.jwksUrl), {
        timeoutDuration: 3000,
        cooldownDuration: 30_000,
      });
      this.algorithms = ['RS256'];
    } else {
      throw new Error('SiteIdentityVerifier needs a secret or a JWKS URL');
    }
  }

  async verify(token: string): Promise<SiteIdentityResult> {
    // A JWT is three base64url parts; anything else is not worth a signature check (and could be huge).
    if (token.length > 4096 || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) return { ok: false, reason: 'malformed' };
    try {
      const { payload } = await jose().jwtVerify(token, this.key as Uint8Array, {
        algorithms: this.algorithms,
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['exp', PROPERTY_CLAIM],
        maxTokenAge: MAX_TOKEN_AGE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: this.now(),
      });
      const property = payload[PROPERTY_CLAIM];
      if (typeof property !== 'string' || property.trim() === '') return { ok: false, reason: 'no-property' };
      return { ok: true, propertyId: property.trim() };
    } catch (error) {
      return { ok: false, reason: refusalFor(error) };
    }
  }
}

function refusalFor(error: unknown): SiteIdentityRefusal {
  const { errors } = jose();
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return 'claims';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
    return 'signature';
  // The key set could not be fetched: a timeout, or the network (fetch throws a plain error, not a JOSE one).
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) return 'keys-unavailable';
  return 'malformed';
}
