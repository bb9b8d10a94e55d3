/** How the figures were made: printed in RESULTS.md beside them. */
export const NOTES = [
  "Each bot runs in a process of its own (bench/servers/botServer.ts, TypeScript through tsx); its Connect, the simulator, in a third (answering at once, its CPU not counted as the bot's); the tenants and the channel endpoint run in the bench process, on the same machine.",
  'The repairs bot is the whole app of `npm start`, pointed at that Connect (CONNECT_BASE_URL), with a fixed clock (Tuesday 1 December 2026, 09:00 London), generated tenants (one property each, in TENANTS_FILE and seeded into the simulator), unlimited slot capacity and REBOOK_MIN_DAYS=0 (so that the re-book sample can move a visit booked for tomorrow). It runs with CONNECT_TIMEOUT_MS=60000 and CONNECT_BREAKER_FAILURES=100: on two saturated cores a slow answer is the bench queueing, not Connect failing.',
  'The echo bot: the same restify server (createServer), CloudAdapter with the same middleware (createAdapter, useTurnMiddleware), /api/messages route and SQLite storage; it reads and saves its conversation state and sends one reply per turn.',
  'A turn is one POST to /api/messages, timed until it is answered (the bot has sent all its replies by then). Turns/s: all turns of the run over its wall-clock time. Bot CPU per turn: user + system CPU of the bot process over the run, divided by its turns.',
  "Flat out, a turn's latency is mostly the time its request waits before the bot reads it (200 requests always outstanding against one busy event loop), so the latency goal is judged in the paced run, where tenants pause between messages as people do.",
  "Start-up is measured on `npm start`'s own command, with the simulator inside the bot's process as `npm start` runs it.",
  'The load average is printed: on a shared 2-core machine other processes show up in every figure except CPU per turn and the Connect call counts.',
];
