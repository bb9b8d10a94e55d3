export {
  createEmergencyDetector,
  type EmergencyDetector,
  type EmergencyDetectorOptions,
  type EmergencyMatch,
} from './emergencyDetector';
export { EMERGENCY_LEXICON, ROUTINE_LOOKALIKES, type EmergencyLexiconEntry } from './emergencyLexicon';
