import type { JobCode } from '../../../src/connect/simulator/connectTypes';
import { expectNoContractBreaches, startTestSimulator, type TestSimulator } from './harness';

/** The guard every other test relies on: an answer that breaks openapi.yaml never reaches the client. */
let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(async () => {
  expectNoContractBreaches(t);
  await t.sim.close();
});

test('an answer that does not match the contract becomes a 500 naming the breach, and is recorded', async () => {
  // Corrupt the back office behind the API's back: a job code whose CodeExternalId is a number.
  t.sim.state.jobCodes.set(999, { CodeExternalId: 12345 } as unknown as JobCode);
  const answer = await t.api<{ Message: string }>('GET', '/api/JobCode/999');
  expect(answer.status).toBe(500);
  expect(answer.body.Message).toMatch(
    /^Simulator bug: the 200 answer of getJobCode does not match openapi.yaml: \/CodeExternalId must be string/,
  );
  expect(t.sim.responseFailures()).toEqual([
    { at: expect.any(String), operationId: 'getJobCode', status: 200, complaints: ['/CodeExternalId must be string'] },
  ]);
  expect(t.sim.journal().at(-1)).toMatchObject({ operationId: 'getJobCode', status: 500 });
  t.sim.reset(); // forget the deliberate breach
});
