export { type KeptReport, keptReport, Outbox, type OutboxEntry, type OutboxTombstone } from './outbox';
export { OutboxSender, type OutboxSenderOptions, type SendResult } from './outboxSender';
