import { randomBytes } from 'node:crypto';

/**
 * Bearer tokens as OWIN's OAuth server issues them: opaque, random, valid for a lifetime on the simulator clock.
 */
interface IssuedToken {
  userName: string;
  issued: Date;
  expires: Date;
}

export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();
  private issuedCount = 0;

  issue(userName: string, now: Date, lifetimeSeconds: number): { token: string } & IssuedToken {
    const token = randomBytes(32).toString('base64url');
    const issued = new Date(Math.floor(now.getTime() / 1000) * 1000); // OWIN reports whole seconds
    const entry = { userName, issued, expires: new Date(issued.getTime() + lifetimeSeconds * 1000) };
    this.tokens.set(token, entry);
    this.issuedCount += 1;
    return { token, ...entry };
  }

  isValid(token: string, now: Date): boolean {
    const entry = this.tokens.get(token);
    return entry !== undefined && now.getTime() < entry.expires.getTime();
  }

  /** The `expire-tokens` fault: every token issued so far stops working now. Returns how many there were. */
  revokeAll(): number {
    const count = this.tokens.size;
    this.tokens.clear();
    return count;
  }

  get issued(): number {
    return this.issuedCount;
  }
}
