import { type WaterfallStepContext } from './botbuilderDialogs';

/** A waterfall's scratch values, typed by the dialog that owns them (the SDK types them as a bare object). */
export function stepValues<T extends object>(step: WaterfallStepContext): Partial<T> {
  return step.values as Partial<T>;
}
