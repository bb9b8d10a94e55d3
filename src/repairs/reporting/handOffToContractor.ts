import { type ConnectFacade, isConnectError } from '../../connect';
import { type Catalogue } from '../catalogue';

export type HandOffOutcome = { kind: 'handed-off'; supplierName: string } | { kind: 'unavailable' };

/** BookSubContractorOrder POST: external work goes to the sub-area's supplier, who arranges the visit. */
export async function handOffToContractor(
  connect: ConnectFacade,
  catalogue: Catalogue,
  orderNumber: string,
  supplierExternalId: string,
): Promise<HandOffOutcome> {
  try {
    const answer = await connect.bookSubcontractor({ primaryOrderNumber: orderNumber, supplierExternalId });
    const known = catalogue.suppliers.find((s) => s.externalId === supplierExternalId)?.name;
    return { kind: 'handed-off', supplierName: answer.SupplierName ?? known ?? 'our contractor' };
  } catch (error) {
    if (isConnectError(error)) return { kind: 'unavailable' };
    throw error;
  }
}
