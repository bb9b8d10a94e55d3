export { redact, REDACTED } from './redact';
export {
  LearningLog,
  type LearningDecision,
  type LearningEntry,
  type LearningLogOptions,
  type LearningOutcome,
  type LearningRef,
  type Resolution,
  type UnclearMessage,
  LEARNING_KEY_PREFIX,
  MAX_ENTRIES_PER_DAY,
  MAX_TEXT_LENGTH,
} from './learningLog';
export { reviewGroups, type ReviewGroup } from './learningReview';
