import { type Activity } from 'botbuilder';
import { type ChannelHarness } from '../e2e/channelHarness';
import { appWithChannel, startTestApp } from '../e2e/testApp';

/**
 * What the outbox sender does with a saved report besides raising the order: external work goes to the contractor
 * as it would have in the conversation, and a report Connect refuses ends in a plain message with the phone number.
 * Over HTTP through the whole app, against the embedded simulator.
 */

const running = appWithChannel(() => startTestApp({ OUTBOX_RETRY_MS: '100' }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fault(spec: object): Promise<void> {
  const response = await fetch(`${running.sim.origin}/simulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
  if (!response.ok) throw new Error(`fault: ${response.status}`);
}

async function waitForMessage(channel: ChannelHarness, conversationId: string, pattern: RegExp) {
  const until = Date.now() + 5_000;
  while (Date.now() < until) {
    const found = channel.messages(conversationId).find((m: Partial<Activity>) => pattern.test(m.text ?? ''));
    if (found) return found.text;
    await sleep(50);
  }
  return undefined;
}

async function reportSavedForLater(conversationId: string, words: string, contact: string): Promise<string> {
  const { channel } = running;
  for (const text of [words, 'LS1 4AB', 'Flat 3, Hart', contact]) await channel.say(conversationId, text);
  const said = (await channel.say(conversationId, 'Send it')).map((r) => r.text ?? '').join('\n');
  const reference = /I have saved it, with reference (RB [0-9A-Z ]+?)\./.exec(said)?.[1];
  if (!reference) throw new Error(`not saved:\n${said}`);
  return reference;
}

describe('outbox sender', () => {
  beforeEach(async () => {
    await fetch(`${running.sim.origin}/simulator/reset`, { method: 'POST' });
  });

  it('hands external work to the contractor once the order is raised, and says who will call', async () => {
    await fault({ kind: 'status', status: 503, operationId: 'postSalesOrder', count: 1 });
    const reference = await reportSavedForLater('outbox-roof', 'slates missing from the roof', 'No texts, thanks');

    const told = await waitForMessage(running.channel, 'outbox-roof', /has now been sent/);

    expect(told).toBe(
      `Your repair report has now been sent to our repairs system. Your reference is ${reference}. This repair is done by Pennine Roofing & Guttering Ltd. They will contact you to arrange a visit.`,
    );
    const state = running.sim.snapshot();
    expect(state.orders).toHaveLength(1);
    expect(state.subcontractOrders).toEqual([expect.objectContaining({ SupplierExternalId: 'SUP-ROOF' })]);
  });

  it('a report Connect refuses when it is sent: the tenant is told to call, with the reference', async () => {
    // The first POST (in the conversation) gets a 503, the outbox's one a 400: Connect is back but says no.
    await fault({ kind: 'status', status: 503, operationId: 'postSalesOrder', count: 1 });
    await fault({ kind: 'status', status: 400, operationId: 'postSalesOrder', count: 1 });
    const reference = await reportSavedForLater('outbox-refused', 'my bath is leaking', 'Yes, text me');

    const told = await waitForMessage(running.channel, 'outbox-refused', /could not accept/);

    expect(told).toBe(
      `Sorry, our repairs system could not accept the repair report you saved with reference ${reference}. Please call us on 0306 999 0123 and quote it, so we can raise it for you.`,
    );
    expect(running.sim.snapshot().orders).toHaveLength(0);
    // Given up on, not tried for ever: no later round posts it again.
    const posts = () => running.sim.journal().filter((e) => e.operationId === 'postSalesOrder').length;
    const before = posts();
    await sleep(400);
    expect(posts()).toBe(before);
  });
});
