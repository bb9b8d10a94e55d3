import { MemoryStorage } from 'botbuilder';
import { StorageRecordStore } from '../../src/bot/storage/storageRecordStore';
import { Outbox, type OutboxEntry } from '../../src/repairs/outbox';

/** The outbox over the bot's own storage classes (Bot Framework MemoryStorage behind the RecordStore). */
function newOutbox(): Outbox {
  return new Outbox(new StorageRecordStore(new MemoryStorage()));
}

function entryFor(orderNumber: string): Omit<OutboxEntry, 'state' | 'attempts'> {
  return {
    report: {
      orderNumber,
      propertyId: 'PROP-0001',
      code: 'BATH001',
      description: 'my bath is leaking',
      contact: { mobile: '+447700900101', wantsTexts: true },
      emergency: false,
      conversationId: 'conversation-1',
      raisedAt: '2026-12-01T09:00:00.000Z',
    },
    channelId: 'directline',
    conversation: { serviceUrl: 'http://127.0.0.1:1/', conversation: { id: 'conversation-1' } },
    savedAt: '2026-12-01T09:00:00.000Z',
  };
}

describe('outbox: the reports waiting in storage', () => {
  it('keeps a report once however often it is saved, and lists it as waiting', async () => {
    const outbox = newOutbox();
    await outbox.save(entryFor('RB-261201-AAAAAAAA'));
    await outbox.save({ ...entryFor('RB-261201-AAAAAAAA'), savedAt: '2026-12-01T09:05:00.000Z' });
    await outbox.save(entryFor('RB-261201-BBBBBBBB'));

    expect(await outbox.waiting()).toEqual(['RB-261201-AAAAAAAA', 'RB-261201-BBBBBBBB']);
    // The first save stands: a retried message does not reset what is known of the report.
    expect(await outbox.find('RB-261201-AAAAAAAA')).toMatchObject({
      state: 'waiting',
      attempts: 0,
      savedAt: '2026-12-01T09:00:00.000Z',
    });
  });

  it('lets one sender at a time take a report; a lease that ran out can be taken again', async () => {
    const outbox = newOutbox();
    await outbox.save(entryFor('RB-261201-AAAAAAAA'));

    const [first, second] = await Promise.all([
      outbox.claim('RB-261201-AAAAAAAA', 1_000, 10_000),
      outbox.claim('RB-261201-AAAAAAAA', 1_000, 10_000),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await outbox.claim('RB-261201-AAAAAAAA', 1_000, 10_500)).toBeUndefined();
    // The sender that held it died: after its lease another may take it.
    expect(await outbox.claim('RB-261201-AAAAAAAA', 1_000, 11_001)).toMatchObject({ state: 'waiting' });
  });

  it('gives a report back after a failed try, counting it', async () => {
    const outbox = newOutbox();
    await outbox.save(entryFor('RB-261201-AAAAAAAA'));
    await outbox.claim('RB-261201-AAAAAAAA', 60_000);

    await outbox.release('RB-261201-AAAAAAAA', '2026-12-01T09:01:00.000Z');

    expect(await outbox.find('RB-261201-AAAAAAAA')).toMatchObject({
      attempts: 1,
      lastAttemptAt: '2026-12-01T09:01:00.000Z',
    });
    expect(await outbox.claim('RB-261201-AAAAAAAA', 60_000)).toBeDefined();
  });

  it('once sent keeps only the number and the outcome: no contact details, not waiting, not queued again', async () => {
    const outbox = newOutbox();
    await outbox.save(entryFor('RB-261201-AAAAAAAA'));

    await outbox.finish('RB-261201-AAAAAAAA', 'sent', '2026-12-01T09:10:00.000Z');
    await outbox.save(entryFor('RB-261201-AAAAAAAA'));

    expect(await outbox.waiting()).toEqual([]);
    const stored = await outbox.find('RB-261201-AAAAAAAA');
    expect(stored).toEqual({ state: 'sent', orderNumber: 'RB-261201-AAAAAAAA', doneAt: '2026-12-01T09:10:00.000Z' });
    expect(JSON.stringify(stored)).not.toMatch(/07700|\+447700|bath/);
    expect(await outbox.claim('RB-261201-AAAAAAAA', 60_000)).toBeUndefined();
  });
});
