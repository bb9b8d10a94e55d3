export { ConversationStore } from './conversationStore';
export { CONNECTOR_PATH, DIRECT_LINE_PATH, mountDirectLine } from './mountDirectLine';
