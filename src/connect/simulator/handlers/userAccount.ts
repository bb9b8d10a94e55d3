import { randomBytes } from 'node:crypto';
import type { OperationHandler } from './types';

/**
 * UserAccount POST: creates (or finds) the account and hands out a fresh single sign-in token, with the URL that
 * would log the user in (pointing at the simulator, since there is no real Connect UI behind it).
 */
export const postUserAccount: OperationHandler<'postUserAccount'> = ({ body, office }) => {
  const token = randomBytes(16).toString('hex').toUpperCase();
  const account = { ...body, Token: token, Url: `${office.origin}/simulator/sso/${token}` };
  const accounts = office.state.userAccounts;
  const index = accounts.findIndex((a) => a.UserName.toLowerCase() === body.UserName.toLowerCase());
  if (index >= 0) accounts[index] = account;
  else accounts.push(account);
  return { status: 200, body: structuredClone(account) };
};
