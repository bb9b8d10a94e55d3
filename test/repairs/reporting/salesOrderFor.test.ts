import { ContactPreference, ContractorType, MessagingPreference, OrderSource } from '../../../src/connect';
import { MAX_DESCRIPTION_LENGTH } from '../../../src/repairs/reporting/repairReport';
import { emergencyPriorityOf, salesOrderFor } from '../../../src/repairs/reporting/salesOrderFor';
import { type Reporting, startReporting, ZONE } from './reportingHarness';

describe('salesOrderFor: the works order the journey sends to Connect', () => {
  let r: Reporting;
  beforeAll(async () => {
    r = await startReporting('reporting-sales-order@simulator.local');
  });
  afterAll(() => r.close());

  it('builds every field the journey needs from the report, the tenant directory and the catalogue', () => {
    const report = r.report();
    const order = salesOrderFor(report, r.subArea('BATH001'), r.catalogue, ZONE);

    expect(order.PrimaryOrderNumber).toBe(report.orderNumber);
    expect(order.PrimaryOrderNumber.length).toBeLessThanOrEqual(32);
    expect(order).toMatchObject({
      // The customer is the property as the tenant directory holds it.
      Customer: {
        ExternalId: 'PROP-0001',
        OrganisationExternalId: 'ORG-HA',
        Name: 'Ms Amelia Hart',
        PrimaryContact: { FirstName: 'Amelia', LastName: 'Hart', EmailAddress: 'amelia.hart@example.com' },
        PrimaryAddress: { Line1: 'Flat 3, 12 Aire Street', City: 'Leeds', PostCode: 'LS1 4AB' },
      },
      // How to reach the tenant about this repair, as confirmed in the conversation.
      OrderContact: {
        ContactName: 'Amelia Hart',
        MobilePhone: '+447700900101',
        EmailAddress: 'amelia.hart@example.com',
        ContactPreference: ContactPreference.EmailAndMobileText,
        MessagingPreference: MessagingPreference.Message,
      },
      ContractExternalId: r.catalogue.contractExternalId,
      PriorityExternalId: 'URG',
      TargetDateUTC: '2026-12-08',
      JobDescription: 'Bath leaking: water dripping from the bath panel',
      JobCodes: [{ CodeExternalId: 'BATH001', Quantity: 1 }],
      OrderSource: OrderSource.TenantPortal,
      CodeTemplateId: 101,
      ContractorType: ContractorType.Internal,
      OutOfHours: false,
      CrmId: 'conversation-1',
    });
    expect(order.ContractExternalId).toBe('CONTRACT-RESP');
    expect(order.OrderSource).toBe(1);
  });

  it.each([
    // code, priority, raised at, target: working days skip weekends and bank holidays; hours run on regardless
    ['BATH001', 'URG', '2026-12-01T09:00:00Z', '2026-12-08'], // 5 working days from a Tuesday
    ['BATH001', 'URG', '2026-12-04T15:00:00Z', '2026-12-11'], // from a Friday: the weekend does not count
    ['BATH001', 'URG', '2026-12-22T09:00:00Z', '2026-12-31'], // over Christmas: 25, 26, 27 and 28 December skipped
    ['BATH002', 'RTN', '2026-12-01T09:00:00Z', '2027-01-13'], // 28 working days over Christmas and New Year
    ['TOIL001', 'EMG', '2026-12-01T09:00:00Z', '2026-12-02'], // 24 hours
    ['TOIL001', 'EMG', '2026-12-04T16:00:00Z', '2026-12-05'], // 24 hours from Friday afternoon is Saturday
  ])('%s has priority %s and, raised at %s, target date %s', (code, priority, raisedAt, target) => {
    const order = salesOrderFor(r.report({ code, raisedAt: new Date(raisedAt) }), r.subArea(code), r.catalogue, ZONE);
    expect(order.PriorityExternalId).toBe(priority);
    expect(order.TargetDateUTC).toBe(target);
  });

  it('raises an emergency with the emergency priority (24 hours) and out of hours allowed, whatever the sub-area', () => {
    expect(emergencyPriorityOf(r.catalogue)?.id).toBe('EMG');
    const order = salesOrderFor(
      r.report({ code: 'DOOR003', emergency: true }),
      r.subArea('DOOR003'),
      r.catalogue,
      ZONE,
    );
    expect(order).toMatchObject({ PriorityExternalId: 'EMG', TargetDateUTC: '2026-12-02', OutOfHours: true });
  });

  it('marks work for a contractor as External and keeps the sub-area out-of-hours flag', () => {
    const glazing = salesOrderFor(r.report({ code: 'WIND001' }), r.subArea('WIND001'), r.catalogue, ZONE);
    expect(glazing).toMatchObject({ ContractorType: ContractorType.External, OutOfHours: true, CodeTemplateId: 901 });
  });

  it('clips the job description to 255 characters, sub-area name first', () => {
    const words = 'drip '.repeat(80).trim();
    const order = salesOrderFor(r.report({ description: words }), r.subArea('BATH001'), r.catalogue, ZONE);
    expect(order.JobDescription.length).toBe(MAX_DESCRIPTION_LENGTH);
    expect(order.JobDescription.startsWith('Bath leaking: drip drip')).toBe(true);
  });

  it('drops an emoji the cut would halve, rather than send half of it', () => {
    // 'Bath leaking: ' is 14 code units: the emoji's two units sit at 254 and 255, across the cut at 255.
    const words = `${'x'.repeat(240)}💧yy`;
    const order = salesOrderFor(r.report({ description: words }), r.subArea('BATH001'), r.catalogue, ZONE);
    expect(order.JobDescription).toBe(`Bath leaking: ${'x'.repeat(240)}`);
    expect(order.JobDescription.length).toBe(MAX_DESCRIPTION_LENGTH - 1);
  });

  it.each([
    [{ wantsTexts: true, mobile: '+447700900101' }, ContactPreference.MobileTextOnly, MessagingPreference.Message],
    [
      { wantsTexts: false, mobile: '+447700900101', email: 'a@example.com' },
      ContactPreference.EmailOnly,
      MessagingPreference.Message,
    ],
    [{ wantsTexts: true }, ContactPreference.None, MessagingPreference.DontMessage],
  ])('contact %j gives ContactPreference %d and MessagingPreference %d', (contact, preference, messaging) => {
    const order = salesOrderFor(r.report({ contact }), r.subArea('BATH001'), r.catalogue, ZONE);
    expect(order.OrderContact).toMatchObject({ ContactPreference: preference, MessagingPreference: messaging });
  });

  it.each(['BATH001', 'TOIL001', 'WIND002', 'ROOF005'])(
    'Connect (the simulator) accepts the %s order',
    async (code) => {
      const order = r.orderFor({ code, emergency: code === 'TOIL001' });
      const created = await r.connect.createOrder(order);

      expect(created.PrimaryOrderNumber).toBe(order.PrimaryOrderNumber);
      const post = r
        .calls('postSalesOrder')
        .find((c) => (c.body as { PrimaryOrderNumber?: string }).PrimaryOrderNumber === order.PrimaryOrderNumber);
      expect(post?.status).toBe(201);
      const stored = r.simulator.snapshot().orders.find((o) => o.order.PrimaryOrderNumber === order.PrimaryOrderNumber);
      expect(stored?.order).toMatchObject({
        PriorityExternalId: order.PriorityExternalId,
        TargetDateUTC: order.TargetDateUTC,
        JobDescription: order.JobDescription,
        JobCodes: [{ CodeExternalId: code, Quantity: 1 }],
        OrderSource: 1,
        CrmId: 'conversation-1',
        CodeTemplateId: order.CodeTemplateId,
        ContractorType: order.ContractorType,
        OutOfHours: order.OutOfHours,
        // As sent: members left undefined are not part of the JSON.
        OrderContact: JSON.parse(JSON.stringify(order.OrderContact)) as unknown,
      });
      expect(r.simulator.responseFailures()).toEqual([]);
    },
  );
});
