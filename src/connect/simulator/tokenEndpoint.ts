import type { Exchange } from './exchange';
import type { SimulatorCore } from './simulatorCore';

/**
 * `POST {base}/token`, the OWIN OAuth server in front of Connect: a form-encoded password grant answered with an
 * opaque bearer token, or 400 with an OAuth2 error. (The server journals the form without its password.)
 */
export function handleTokenRequest(core: SimulatorCore, exchange: Exchange, rawBody: string): void {
  const form = new URLSearchParams(rawBody);
  const grantType = form.get('grant_type') ?? '';
  const username = form.get('username') ?? '';
  const password = form.get('password') ?? '';
  const oauthHeaders = { Pragma: 'no-cache', Expires: '-1' };

  if (grantType !== 'password') {
    exchange.answer(
      400,
      { error: 'invalid_grant', error_description: `The grant type '${grantType}' is not supported; use 'password'.` },
      oauthHeaders,
    );
    return;
  }
  // Identity user names ignore case; passwords do not.
  if (username.toLowerCase() !== core.options.username.toLowerCase() || password !== core.options.password) {
    exchange.answer(
      400,
      { error: 'invalid_grant', error_description: 'The user name or password is incorrect.' },
      oauthHeaders,
    );
    return;
  }
  const issued = core.tokens.issue(core.options.username, core.clock.now(), core.tokenLifetimeSeconds);
  exchange.answer(
    200,
    {
      access_token: issued.token,
      token_type: 'bearer',
      expires_in: core.tokenLifetimeSeconds,
      user_name: issued.userName,
      '.issued': issued.issued.toUTCString(), // RFC 1123, as OWIN writes it
      '.expires': issued.expires.toUTCString(),
    },
    oauthHeaders,
  );
}
