import { PLANNING_WINDOWS } from '../planningWindows';
import type { OperationHandler } from './types';

/** PlanningWindow GET: the contract's five windows. */
export const getPlanningWindows: OperationHandler<'getPlanningWindows'> = () => ({
  status: 200,
  body: PLANNING_WINDOWS.map((w) => ({ ...w })),
});
