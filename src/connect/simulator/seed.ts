import type { Customer, JobCode } from './connectTypes';
import demoTenants from './demoTenants.json';
import { fnv1a } from './hash';
import seedJobCodes from './jobCodes.json';
import type { NamedEntity, SimulatorState } from './state';

/**
 * What a fresh simulator knows: the responsive-repairs contract, its priorities and organisation, the contract's
 * sub-contractors, the job codes of the bot's diagnosis catalogue (copied into jobCodes.json) and a few demo
 * properties with fictional tenants (demoTenants.json, which the bot also ships as its default tenant directory).
 */
export const SEED_CONTRACT: NamedEntity = { ExternalId: 'CONTRACT-RESP', Name: 'Responsive Repairs' };
export const SEED_ORGANISATION: NamedEntity = { ExternalId: 'ORG-HA', Name: 'Example Housing Association' };

export const SEED_PRIORITIES: NamedEntity[] = [
  { ExternalId: 'EMG', Name: 'Emergency' },
  { ExternalId: 'URG', Name: 'Urgent' },
  { ExternalId: 'RTN', Name: 'Routine' },
];

/** Emergencies may be booked into the OUT OF HOURS window. */
export const EMERGENCY_PRIORITY = 'EMG';

export const SEED_SUPPLIERS: NamedEntity[] = [
  { ExternalId: 'SUP-GLAZE', Name: 'Clearview Glazing Ltd' },
  { ExternalId: 'SUP-ROOF', Name: 'Pennine Roofing & Guttering Ltd' },
  { ExternalId: 'SUP-DRAIN', Name: 'FlowRight Drainage Services' },
  { ExternalId: 'SUP-PEST', Name: 'Guardian Pest Control' },
  { ExternalId: 'SUP-FENCE', Name: 'Boundary Fencing & Landscapes Ltd' },
  { ExternalId: 'SUP-LIFT', Name: 'Apex Lift Services' },
  { ExternalId: 'SUP-DOORENTRY', Name: 'Secure Entry Systems Ltd' },
];

export const DEMO_TENANTS: readonly Customer[] = demoTenants;
export const SEED_JOB_CODES: readonly JobCode[] = seedJobCodes;

/** A plausible price per job code, stable across runs. */
function seededPrice(codeExternalId: string): number {
  return 40 + (fnv1a(`price:${codeExternalId}`) % 200) + 0.5;
}

export function addJobCode(state: SimulatorState, jobCode: JobCode): number {
  const existing = state.jobCodeByExternalId(jobCode.CodeExternalId);
  const id = existing?.id ?? state.nextJobCodeId();
  state.jobCodes.set(id, structuredClone(jobCode));
  const contractExternalId = jobCode.ContractExternalId ?? SEED_CONTRACT.ExternalId;
  const rateKey = `${jobCode.CodeExternalId}|${contractExternalId}`;
  if (!state.rateBooks.has(rateKey) && state.contracts.has(contractExternalId)) {
    state.rateBooks.set(rateKey, {
      CodeExternalId: jobCode.CodeExternalId,
      ContractExternalId: contractExternalId,
      ContractName: state.contracts.get(contractExternalId)?.Name,
      Price: jobCode.StandardPrice ?? seededPrice(jobCode.CodeExternalId),
    });
  }
  return id;
}

export function applySeed(state: SimulatorState): void {
  state.clear();
  state.contracts.set(SEED_CONTRACT.ExternalId, SEED_CONTRACT);
  state.organisations.set(SEED_ORGANISATION.ExternalId, SEED_ORGANISATION);
  SEED_PRIORITIES.forEach((p) => state.priorities.set(p.ExternalId, p));
  SEED_SUPPLIERS.forEach((s) => state.suppliers.set(s.ExternalId, s));
  SEED_JOB_CODES.forEach((jobCode) => addJobCode(state, jobCode));
  DEMO_TENANTS.forEach((customer) => state.customers.set(customer.ExternalId, structuredClone(customer)));
}
