import { MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';
import { FunnelTurns } from '../../src/bot/funnelTurns';
import { StorageConflictError } from '../../src/bot/storage/storageConflictError';
import { CheckedConversationState } from '../../src/bot/turns/checkedConversationState';
import { TurnRunner } from '../../src/bot/turns/retryOnConflict';
import { trackFunnel } from '../../src/dialogs/funnel';
import { Funnel, type FunnelEvent } from '../../src/repairs/telemetry';
import { fixedClock } from '../../src/repairs/time';

/** A funnel whose recorder keeps the events, to see what reaches it and when. */
function keptFunnel() {
  const events: FunnelEvent[] = [];
  const funnel = new Funnel(
    { record: (event) => events.push(event), close: async () => undefined },
    { clock: fixedClock('2026-12-01T09:00:00Z'), salt: 'salt-for-funnel-turns' },
  );
  return { funnel, events };
}

describe('funnel events of a turn run again after a state conflict', () => {
  it('are recorded once, from the attempt whose state was saved, after the turn', async () => {
    const { funnel, events } = keptFunnel();
    const state = new CheckedConversationState(new MemoryStorage());
    const runner = new TurnRunner({ state, giveUpText: 'Please send that again.', backoffMs: () => 1 });
    let attempts = 0;
    let seenDuringTurn = -1;
    const adapter = new TestAdapter(async (context: TurnContext) => {
      await runner.run(context, async () => {
        attempts += 1;
        trackFunnel(context, { funnel }, 'order-created', { code: 'BATH001', emergency: false });
        // The first attempt loses: another instance saved this conversation first.
        if (attempts === 1) throw new StorageConflictError('conversation');
        trackFunnel(context, { funnel }, 'booked');
        seenDuringTurn = events.length;
        await context.sendActivity('Booked.');
      });
    }).use(new FunnelTurns());

    await adapter.send('2').assertReply('Booked.');

    expect(attempts).toBe(2);
    expect(seenDuringTurn).toBe(0);
    expect(events.map((e) => e.name)).toEqual(['order-created', 'booked']);
  });

  it('are recorded at once without the middleware (dialog tests, tools)', async () => {
    const { funnel, events } = keptFunnel();
    const adapter = new TestAdapter(async (context: TurnContext) => {
      trackFunnel(context, { funnel }, 'cancelled');
      expect(events).toHaveLength(1);
      await context.sendActivity('Cancelled.');
    });
    await adapter.send('yes').assertReply('Cancelled.');
    expect(events.map((e) => e.name)).toEqual(['cancelled']);
  });
});
