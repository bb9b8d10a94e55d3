import path from 'node:path';
import { type Simulator } from '../../src/connect/simulator';
import { ChannelHarness } from '../e2e/channelHarness';
import { tempDir } from '../e2e/testApp';
import { type RunningAzurite, startAzurite } from '../support/azurite';
import { deliver, happyPath, repliesTo, startConnect, startInstance, textOf } from './reliabilityHarness';

/**
 * The bot restarts (a deployment, a crash, App Service recycling it) while a tenant is half-way through a report:
 * the new process, on the same storage, carries on at the next step. Connect stays up throughout, as it would.
 */
describe('a restart of the bot in mid-journey', () => {
  let azurite: RunningAzurite;
  let sim: Simulator;
  let channel: ChannelHarness;
  const temp = tempDir('reliability-restart-');

  beforeAll(async () => {
    azurite = await startAzurite();
    sim = await startConnect();
    // Replies go to the harness whichever bot process sends them; its bot URL is not used here.
    channel = new ChannelHarness('http://127.0.0.1:9');
    await channel.start();
  }, 60_000);

  afterAll(async () => {
    await channel?.stop();
    await sim?.close();
    await azurite?.stop();
    temp.remove();
  });

  const storages = [
    {
      name: 'the same SQLite file',
      tenant: 'nowak',
      settings: () => ({ STORAGE: 'sqlite', STORAGE_SQLITE_FILE: path.join(temp.dir, 'bot-state.db') }),
    },
    {
      name: 'the same Blob container (Azurite)',
      tenant: 'whitfield',
      settings: () => ({
        STORAGE: 'blob',
        STORAGE_BLOB_CONNECTION_STRING: azurite.connectionString,
        STORAGE_BLOB_CONTAINER: 'restart',
      }),
    },
  ] as const;

  it.each(storages)('continues at the next step on a new process using $name', async ({ name, tenant, settings }) => {
    const storage = settings();
    const conversationId = `restart-${tenant}`;
    const journey = happyPath(tenant);
    const say = async (app: { url: string }, i: number) => {
      expect(await deliver(app.url, channel, conversationId, `m-${i}`, journey[i]!)).toBe(200);
      return textOf(repliesTo(channel, conversationId, `m-${i}`));
    };

    const before = await startInstance(sim, storage);
    expect(await say(before, 0)).toMatch(/What is your postcode/);
    expect(await say(before, 1)).toMatch(/house number or name, and your surname/);
    expect(await say(before, 2)).toMatch(/Can we text you updates/);
    await before.close();

    const after = await startInstance(sim, storage);
    try {
      // The answer to the question the old process asked, not a fresh start.
      expect(await say(after, 3)).toMatch(/Please check your report:[\s\S]*Repair: Bath leaking/);
      expect(await say(after, 4)).toMatch(/Your repair is logged/);
      expect(await say(after, 5)).toMatch(/^Booked: /);
    } finally {
      await after.close();
    }
    const orders = sim
      .journal()
      .filter((e) => e.operationId === 'postSalesOrder' && (e.body as { CrmId?: string }).CrmId === conversationId);
    expect(orders).toHaveLength(1);
    process.stdout.write(`Restart on ${name}: 3 messages before, 3 after, the journey continued; 1 order.\n`);
  });
});
