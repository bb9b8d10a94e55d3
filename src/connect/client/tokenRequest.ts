import type { Client } from 'openapi-fetch';
import type { paths } from '../schema';
import { ConnectError } from './connectError';
import type { ConnectLogger } from './connectLogger';
import type { ConnectPolicies } from './resilience';
import { runAttempts } from './attempts';
import type { TokenGrant } from './tokenCache';

export interface TokenRequestPlan {
  /** An openapi-fetch client without the bearer middleware: the grant needs no token. */
  api: Client<paths>;
  username: string;
  password: string;
  policies: ConnectPolicies;
  logger: ConnectLogger;
}

/**
 * The OAuth2 password grant at `{base}/token`, form-urlencoded. Asking for a token twice has no
 * effect beyond a second token, so transient failures are retried like a GET.
 */
export async function requestToken(plan: TokenRequestPlan): Promise<TokenGrant> {
  const { api, username, password } = plan;
  const body = await runAttempts({
    operation: 'token',
    method: 'POST',
    policy: plan.policies.retrying,
    policies: plan.policies,
    logger: plan.logger,
    send: (signal) =>
      api.POST('/token', {
        body: { grant_type: 'password', username, password },
        bodySerializer: (form) => new URLSearchParams(form).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        signal,
      }),
  });
  if (!body || typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
    throw new ConnectError({ operation: 'token', method: 'POST', kind: 'invalid-response' });
  }
  return { accessToken: body.access_token, expiresInSeconds: body.expires_in };
}
