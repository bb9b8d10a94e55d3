import fs from 'node:fs';
import path from 'node:path';
import { type Activity } from 'botbuilder';
import { parseReference } from '../../src/repairs/orders/orderNumber';
import { DEFAULT_TENANTS_PATH } from '../../src/repairs/tenants/defaultTenants';
import { type ChannelHarness } from '../e2e/channelHarness';

export const TEAMS_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** Amelia Hart's Teams account, recorded against PROP-0001 in the test tenant file. */
export const KNOWN_AAD_OBJECT_ID = '0f5a2c1e-3b4d-4e6f-8a9b-1c2d3e4f5a6b';
/** Daniel Okafor's Teams account, recorded against PROP-0002. */
export const SECOND_AAD_OBJECT_ID = '1a2b3c4d-5e6f-4a8b-9c0d-e1f2a3b4c5d6';
export const UNKNOWN_AAD_OBJECT_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';

/** The bundled demo tenants, with Teams accounts recorded for the first two as CustomFields pairs. */
export function writeTenantFile(dir: string): string {
  const tenants = JSON.parse(fs.readFileSync(DEFAULT_TENANTS_PATH, 'utf8')) as Record<string, unknown>[];
  tenants[0] = { ...tenants[0], CustomFields: [{ Name: 'TeamsAadObjectId', Value: KNOWN_AAD_OBJECT_ID }] };
  tenants[1] = {
    ...tenants[1],
    CustomFields: [
      { Name: 'SomethingElse', Value: 'kept out of the way' },
      { Name: 'TeamsAadObjectId', Value: SECOND_AAD_OBJECT_ID.toUpperCase() },
    ],
  };
  const file = path.join(dir, 'tenants.json');
  fs.writeFileSync(file, JSON.stringify(tenants));
  return file;
}

/** Posts one Teams-shaped activity (personal chat) and returns the messages the bot sent for it. */
export async function teamsSend(
  channel: ChannelHarness,
  conversationId: string,
  aadObjectId: string,
  activity: Partial<Activity>,
): Promise<Partial<Activity>[]> {
  const before = channel.messages(conversationId).length;
  const status = await channel.post(conversationId, {
    from: { id: `29:teams-user-${aadObjectId}`, name: 'Tenant', aadObjectId },
    conversation: {
      id: conversationId,
      conversationType: 'personal',
      tenantId: TEAMS_TENANT_ID,
    } as Activity['conversation'],
    channelData: { tenant: { id: TEAMS_TENANT_ID } },
    ...activity,
  });
  if (status >= 300) throw new Error(`the bot answered ${status}`);
  return channel.messages(conversationId).slice(before);
}

export interface CardAction {
  title: string;
  data: Record<string, unknown>;
}

/** The Adaptive Card in a reply: its text blocks and its Submit actions. */
export function adaptiveCardIn(replies: readonly Partial<Activity>[]): { text: string; actions: CardAction[] } {
  const attachment = replies
    .flatMap((r) => r.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .at(-1);
  if (!attachment) throw new Error(`no Adaptive Card in: ${JSON.stringify(replies)}`);
  const card = attachment.content as {
    version: string;
    body: { text: string }[];
    actions: { type: string; title: string; data: Record<string, unknown> }[];
  };
  expect(card.version).toBe('1.5');
  expect(card.actions.every((a) => a.type === 'Action.Submit')).toBe(true);
  return { text: card.body.map((b) => b.text).join('\n'), actions: card.actions };
}

/** Everything the bot said, as plain text (message text and card text), for matching. */
export function said(replies: readonly Partial<Activity>[]): string {
  return replies
    .map((r) =>
      [
        r.text ?? '',
        ...(r.attachments ?? []).map((a) => {
          const content = a.content as { text?: string; body?: { text: string }[] } | undefined;
          return content?.body?.map((b) => b.text).join('\n') ?? content?.text ?? '';
        }),
      ].join('\n'),
    )
    .join('\n');
}

export function orderNumberIn(replies: readonly Partial<Activity>[]): string {
  const reference = /Your reference is (RB [0-9A-Z ]+)\./.exec(said(replies))?.[1];
  const orderNumber = reference ? parseReference(reference) : null;
  if (!orderNumber) throw new Error(`no reference in: ${said(replies)}`);
  return orderNumber;
}
