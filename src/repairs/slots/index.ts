export {
  type AvailabilityDay,
  type AvailabilityGrid,
  type AvailabilityStatus,
  type PlanningWindow,
  type Slot,
  sameSlot,
} from './slotTypes';
export { OUT_OF_HOURS_WINDOW_ID, isOutOfHours, windowSpan, type WindowSpan } from './windowTimes';
export { type FreeSlot, type FreeSlotRules, freeSlots } from './freeSlots';
export { type SlotOffer, type SlotOfferOptions, offerSlots } from './slotOffer';
export { describeSlot, formatClockTime } from './describeSlot';
export { type ChooseSlotOptions, type SlotChoice, chooseSlot } from './chooseSlot';
export { createWishParser, type WishParser } from './wish/wishParser';
export { normaliseWish, WISH_REWRITES, type WishContext, type WishRewrite } from './wish/normaliseWish';
