import {
  ContactPreference,
  MessagingPreference,
  PaymentTerms,
  PurchaseInvoiceCategory,
  type ConnectFacade,
} from '../../../src/connect';
import { facadeFor, isoDate, newOrder, startSimulator, daysFromNow, type RunningSimulator } from './simulatorHarness';

describe('façade: customers, user accounts, invoices and callbacks', () => {
  let simulator: RunningSimulator;
  let connect: ConnectFacade;
  beforeEach(async () => {
    simulator = await startSimulator();
    connect = facadeFor(simulator);
  });
  afterEach(() => simulator.close());

  it('createCustomer posts a CustomerModel (version 4, 201) and orders can then use it', async () => {
    const created = await connect.createCustomer({
      ExternalId: 'PROP-9001',
      Name: 'Mx Test Tenant',
      OrganisationExternalId: 'ORG-HA',
      CustomerAddress: { ExternalId: 'ADDR-9001', Address1: '1 Test Street', City: 'Leeds', PostCode: 'LS1 1AA' },
      CustomerContact: {
        ExternalId: 'CON-9001',
        FirstName: 'Test',
        LastName: 'Tenant',
        MobilePhone: '07700 900999',
        ContactPreference: ContactPreference.MobileTextOnly,
        MessagingPreference: MessagingPreference.Message,
      },
    });

    expect(created).toMatchObject({ ExternalId: 'PROP-9001', Name: 'Mx Test Tenant' });
    expect(await simulator.calls('postCustomer')).toEqual([
      expect.objectContaining({ method: 'POST', status: 201, version: 4 }),
    ]);
    await expect(
      connect.createOrder(newOrder({ Customer: { ExternalId: 'PROP-9001', OrganisationExternalId: 'ORG-HA' } })),
    ).resolves.toMatchObject({ Customer: expect.objectContaining({ ExternalId: 'PROP-9001' }) });
  });

  it('createUserAccount answers the account with a single sign-in token (version 2)', async () => {
    const account = await connect.createUserAccount({
      UserName: 'tenant.portal@example.org',
      FirstName: 'Tenant',
      Email: 'tenant.portal@example.org',
    });

    expect(account).toMatchObject({ UserName: 'tenant.portal@example.org', Token: expect.any(String) });
    expect(await simulator.calls('postUserAccount')).toEqual([
      expect.objectContaining({ method: 'POST', status: 200, version: 2 }),
    ]);
  });

  it('createPurchaseInvoice posts a matched invoice (version 3, 201)', async () => {
    const order = newOrder();
    await connect.createOrder(order);

    const invoice = await connect.createPurchaseInvoice({
      SupplierExternalId: 'SUP-GLAZE',
      PurchaseInvoiceCategory: PurchaseInvoiceCategory.SubcontractorOrder,
      SupplierInvoiceReference: 'INV-0001',
      InvoiceDateUTC: isoDate(daysFromNow(0)),
      PaymentTerms: PaymentTerms.NetMonthly,
      GoodsValue: 120,
      PurchaseInvoiceLines: [
        { CodeExternalId: 'BATH003', PurchaseOrderNumber: order.PrimaryOrderNumber, Quantity: 1, LineCost: 120 },
      ],
    });

    expect(invoice).toMatchObject({ SupplierInvoiceReference: 'INV-0001', GoodsValue: 120 });
    expect(await simulator.calls('postPurchaseInvoice')).toEqual([
      expect.objectContaining({ method: 'POST', status: 201, version: 3 }),
    ]);
  });

  it('sendResponseCallback posts the callback (version 2)', async () => {
    await connect.sendResponseCallback({ CloudExternalId: 'CLOUD-1', StatusCode: 200, Message: 'Done' });

    const [call] = await simulator.calls('postResponseCallback');
    expect(call).toMatchObject({
      method: 'POST',
      status: 200,
      version: 2,
      body: { CloudExternalId: 'CLOUD-1', StatusCode: 200, Message: 'Done' },
    });
  });
});
