import { cacheLifetimeMs } from '../../../src/connect/client/tokenCache';

describe('how long a token is cached', () => {
  it.each([
    // expires_in (s), cached for (ms): a margin of max(30 s, 10 %), at most half the lifetime
    [86_400, 77_760_000],
    [3_600, 3_240_000],
    [300, 270_000],
    [60, 30_000],
    [20, 10_000],
    [2, 1_000],
    [0, 0],
  ])('a token that expires in %i s is used for %i ms', (expiresIn, cachedFor) => {
    expect(cacheLifetimeMs(expiresIn)).toBe(cachedFor);
  });
});
