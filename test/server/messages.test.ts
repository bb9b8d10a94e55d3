import { MESSAGES_MAX_BODY_BYTES as MAX_BODY_BYTES } from '../../src/server/requestBodies';
import { appWithChannel } from '../e2e/testApp';

describe('POST /api/messages refuses what is not an activity, and keeps serving', () => {
  const running = appWithChannel();

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${running.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

  /** A well-formed message activity from the test channel, with some members changed. */
  const activity = (changes: Record<string, unknown>) =>
    JSON.stringify({
      type: 'message',
      id: 'in-1',
      channelId: 'directline',
      serviceUrl: running.channel.serviceUrl,
      conversation: { id: 'refused' },
      from: { id: 'user-refused' },
      recipient: { id: 'repairs-bot' },
      text: 'hello',
      ...changes,
    });

  /** The server still answers a health check and a real conversation turn. */
  async function stillServing(conversationId: string): Promise<void> {
    expect((await fetch(`${running.app.url}/health`)).status).toBe(200);
    const replies = await running.channel.say(conversationId, 'hello');
    expect(replies.map((r) => r.text).join()).toMatch(/What would you like to do\?/);
  }

  it.each([
    ['malformed JSON', '{"type": "message", "text": '],
    ['a JSON array', '[]'],
    ['JSON that is not an object', '"hello"'],
    ['an empty body', ''],
  ])('%s gets a 400', async (_name, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    await response.body?.cancel();
    await stillServing(`after-${_name}`);
  });

  it.each([
    ['no type', { type: undefined }],
    ['an empty type', { type: '' }],
    ['a type that is not a string', { type: 7 }],
    ['no conversation', { conversation: undefined }],
    ['a conversation that is not an object', { conversation: 'refused' }],
    ['a conversation without an id', { conversation: { name: 'refused' } }],
  ])('an activity with %s gets a 400, not a 500', async (name, changes) => {
    const response = await post(activity(changes));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'BadRequest', message: expect.stringMatching(/activity/) });
    await stillServing(`after-${name}`);
  });

  it('a body that is not JSON gets a 4xx', async () => {
    const response = await post('type=message&text=hello', 'text/plain');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await response.body?.cancel();
    await stillServing('after-text-plain');
  });

  it(`a body over the size limit (${MAX_BODY_BYTES} bytes) gets a 413`, async () => {
    const response = await post(activity({ text: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(response.status).toBe(413);
    await response.body?.cancel();
    await stillServing('after-too-large');
  });

  it('a body just under the limit is read', async () => {
    const text = 'leaking tap '.repeat(1000);
    const status = await running.channel.post('just-under', { text });
    expect(status).toBe(200);
    expect(running.channel.messages('just-under').length).toBeGreaterThan(0);
  });
});
