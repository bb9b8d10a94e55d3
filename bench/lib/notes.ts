/** How the figures were made: printed in RESULTS.md beside them. */
export const NOTES = [
  'The repairs bot runs with CONNECT_TIMEOUT_MS=60000 and CONNECT_BREAKER_FAILURES=100: its Connect is the simulator inside its own saturated process, whose slow answers are the bench queueing, not Connect failing.',
  'Each bot runs in a process of its own (bench/servers/botServer.ts, TypeScript through tsx); the tenants and the channel endpoint run in the bench process, on the same machine.',
  'The repairs bot is the whole app of `npm start` with the embedded Connect simulator in its process (answering at once, but its CPU counts in the bot process), a fixed clock (Tuesday 1 December 2026, 09:00 London), generated tenants (one property each, in TENANTS_FILE and seeded into the simulator), unlimited slot capacity and REBOOK_MIN_DAYS=0 (so that the re-book sample can move a visit booked for tomorrow).',
  'The echo bot: the same restify server (createServer), CloudAdapter with its middleware (createAdapter, SmsTextMiddleware), /api/messages route and storage; it reads and saves its conversation state and sends one reply per turn.',
  'A turn is one POST to /api/messages, timed until it is answered (the bot has sent all its replies by then). Turns/s: all turns of the run over its wall-clock time. Bot CPU per turn: user + system CPU of the bot process over the run, divided by its turns.',
  'The load average is printed: on a shared 2-core machine other processes show up in every figure except CPU per turn and the Connect call counts.',
];
