import type { ConnectFacade } from '../../../src/connect';
import { facadeFor, startSimulator, type RunningSimulator } from './simulatorHarness';

describe('façade: job codes and rate books', () => {
  let simulator: RunningSimulator;
  let connect: ConnectFacade;
  beforeEach(async () => {
    simulator = await startSimulator();
    connect = facadeFor(simulator);
  });
  afterEach(() => simulator.close());

  it('getJobCode reads a job code by its integer id (version 3)', async () => {
    const jobCode = await connect.getJobCode(1);

    expect(jobCode.CodeExternalId).toEqual(expect.any(String));
    const [call] = await simulator.calls('getJobCode');
    expect(call).toMatchObject({
      method: 'GET',
      status: 200,
      version: 3,
      path: expect.stringMatching(/\/JobCode\/1$/),
    });
  });

  it('createJobCode posts a new job code (version 3)', async () => {
    await connect.createJobCode({
      CodeExternalId: 'TEST001',
      ShortDescription: 'Test code',
      ContractExternalId: 'CONTRACT-RESP',
      StandardPrice: 12.5,
    });

    const [call] = await simulator.calls('postJobCode');
    expect(call).toMatchObject({ method: 'POST', status: 200, version: 3 });
    expect(await connect.listRateBooks('TEST001')).toEqual([expect.objectContaining({ CodeExternalId: 'TEST001' })]);
  });

  it('updateJobCode puts a job code by id and answers it (version 3)', async () => {
    const original = await connect.getJobCode(1);

    const updated = await connect.updateJobCode(1, { ...original, ShortDescription: 'Renamed' });

    expect(updated).toMatchObject({ CodeExternalId: original.CodeExternalId, ShortDescription: 'Renamed' });
    expect(await simulator.calls('putJobCode')).toEqual([
      expect.objectContaining({ method: 'PUT', status: 200, version: 3 }),
    ]);
  });

  it('listRateBooks answers an array (RateBook GET All, version 3)', async () => {
    const rateBooks = await connect.listRateBooks('BATH003');

    expect(rateBooks).toEqual([
      expect.objectContaining({ CodeExternalId: 'BATH003', ContractExternalId: 'CONTRACT-RESP' }),
    ]);
    const [call] = await simulator.calls('getRateBook');
    expect(call).toMatchObject({ method: 'GET', status: 200, version: 3, query: { CodeExternalId: 'BATH003' } });
  });

  it('getRateBook answers one rate book (RateBook GET Single, version 3)', async () => {
    const rateBook = await connect.getRateBook('BATH003', 'CONTRACT-RESP');

    expect(rateBook).toMatchObject({
      CodeExternalId: 'BATH003',
      ContractExternalId: 'CONTRACT-RESP',
      Price: expect.any(Number),
    });
    const [call] = await simulator.calls('getRateBook');
    expect(call?.query).toEqual({ CodeExternalId: 'BATH003', ContractExternalId: 'CONTRACT-RESP' });
  });

  it('updateRateBook puts the price at /RateBook/{code}/{contract} (version 3)', async () => {
    const updated = await connect.updateRateBook({
      CodeExternalId: 'BATH003',
      ContractExternalId: 'CONTRACT-RESP',
      Price: 99.5,
    });

    expect(updated).toMatchObject({ CodeExternalId: 'BATH003', Price: 99.5 });
    expect((await connect.getRateBook('BATH003', 'CONTRACT-RESP')).Price).toBe(99.5);
    const [call] = await simulator.calls('putRateBook');
    expect(call).toMatchObject({
      method: 'PUT',
      status: 200,
      version: 3,
      path: expect.stringMatching(/\/RateBook\/BATH003\/CONTRACT-RESP$/),
    });
  });
});
