/** The bench's table: one row per figure, with its goal and whether it was met; and RESULTS.md around it. */
export interface Row {
  item: string;
  figure: string;
  goal: string;
  verdict: '' | 'yes' | 'NO';
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value ?? {}) as Json;
const num = (value: unknown): number => (typeof value === 'number' ? value : Number.NaN);
const verdict = (ok: boolean | undefined): Row['verdict'] => (ok === undefined ? '' : ok ? 'yes' : 'NO');

function latency(figures: Json): string {
  const l = obj(figures.latencyMs);
  return `p50 ${l.p50} / p95 ${l.p95} / p99 ${l.p99} ms`;
}

function failed(figures: Json): string {
  const n = num(figures.failedJourneys);
  return n > 0 ? ` (${n} of ${figures.journeys} journeys FAILED)` : '';
}

export function renderTable(results: Json): Row[] {
  const rows: Row[] = [];
  const add = (item: string, figure: string, goal = '', ok?: boolean) =>
    rows.push({ item, figure, goal, verdict: verdict(ok) });

  const turns = obj(results.turns);
  if (results.turns) {
    const echo = obj(turns.echo);
    const repairs = obj(turns.repairs);
    const at = `${turns.concurrentTenants} tenants`;
    add(`1 Turns/s, echo bot (floor), ${at}`, `${echo.turnsPerSecond}${failed(echo)}`);
    add(`1 Turns/s, repairs bot, ${at}`, `${repairs.turnsPerSecond}${failed(repairs)}`);
    add('1 Ratio repairs/echo turns/s', String(turns.ratio), '>= 0.5', num(turns.ratio) >= 0.5);
    add('1 Bot CPU per turn, echo / repairs', `${echo.botCpuMsPerTurn} / ${repairs.botCpuMsPerTurn} ms`);
    add(
      '1 Load generator CPU per turn, echo / repairs',
      `${echo.driverCpuMsPerTurn} / ${repairs.driverCpuMsPerTurn} ms`,
    );
    const sent = (f: Json) => {
      const s = obj(f.sentPerTurn);
      return `${s.messages} + ${s.typing} typing`;
    };
    add('1 Activities sent per turn, echo / repairs', `${sent(echo)} / ${sent(repairs)}`);
    add('1 Turn latency flat out, echo bot', latency(echo));
    add('1 Turn latency flat out, repairs bot', latency(repairs));
    const steps = (f: Json) =>
      ((f.latencyByStepMs ?? []) as { p50: number; p99: number }[])
        .map((s, i) => `${i + 1}: ${s.p50}/${s.p99}`)
        .join(', ') + ' ms';
    add('1 Flat out, repairs p50/p99 by step', steps(repairs));
    add('1 Flat out, p99 repairs - p99 echo', `${turns.flatOutP99DeltaMs} ms (queueing: see notes)`);
    const echoPaced = obj(echo.paced);
    const repairsPaced = obj(repairs.paced);
    if (echo.paced && repairs.paced) {
      const pace = `${at}, ~${num(repairsPaced.thinkMs) / 1000} s between messages`;
      add(`1 Paced (${pace}), turns/s echo / repairs`, `${echoPaced.turnsPerSecond} / ${repairsPaced.turnsPerSecond}`);
      add('1 Paced turn latency, echo bot', `${latency(echoPaced)}${failed(echoPaced)}`);
      add('1 Paced turn latency, repairs bot', `${latency(repairsPaced)}${failed(repairsPaced)}`);
      add('1 Paced, repairs p50/p99 by step', steps(repairsPaced));
      add('1 Paced, p99 repairs - p99 echo', `${turns.p99DeltaMs} ms`, '<= 25 ms', num(turns.p99DeltaMs) <= 25);
    }
    const stored = obj(turns.storedStateBytesAfterBooking);
    add(
      '3 Stored state per conversation, booked',
      `${stored.mean} B mean, ${stored.max} B max`,
      '<= 4096 B',
      num(stored.max) <= 4096,
    );
  }
  if (results.connectCalls) {
    const calls = obj(results.connectCalls);
    const total = (counts: unknown) => Object.values(obj(counts)).reduce<number>((a, b) => a + num(b), 0);
    const describe = (counts: unknown) =>
      `${total(counts)}: ${Object.entries(obj(counts))
        .map(([op, n]) => `${op} ${n}`)
        .join(', ')}`;
    const sample = obj(calls.sample);
    const reportCalls = { ...obj(sample.reportAndBook) };
    delete reportCalls.token;
    add('2 Connect calls, report and book', describe(reportCalls), '3', total(reportCalls) === 3);
    add('2 Connect calls, re-book (review + move)', describe(sample.rebook), '3', total(sample.rebook) === 3);
    add('2 Connect calls, cancel (review + cancel)', describe(sample.cancel), '2', total(sample.cancel) === 2);
    const perJourney = obj(obj(calls.loadRun).perJourney);
    add(
      '2 Calls per journey over the load run',
      `${total(perJourney)} (${Object.entries(perJourney)
        .map(([op, n]) => `${op} ${n}`)
        .join(', ')})`,
      '3',
      total(perJourney) <= 3,
    );
    add(
      '2 Token requests',
      `${calls.tokenRequests} for ${calls.conversations} conversations`,
      '<= 1 per token lifetime',
      num(calls.tokenRequests) <= 1,
    );
  }
  if (results.memory) {
    const memory = obj(results.memory);
    for (const p of (memory.points ?? []) as Json[])
      add(`3 Memory, ${p.conversations} conversations held`, `RSS ${p.rssMB} MB, heap ${p.heapUsedMB} MB`);
    add('3 Heap per conversation held', `${memory.heapBytesPerConversation} B`);
    const stored = obj(memory.storedStateBytesPerConversation);
    add(
      '3 Stored state per conversation, mid-journey',
      `${stored.mean} B mean, ${stored.max} B max`,
      '<= 4096 B',
      num(stored.max) <= 4096,
    );
  }
  if (results.startup) {
    const startup = obj(results.startup);
    add('4 Start-up to /health 200 (median)', `${startup.readyMs} ms`, '<= 1500 ms', num(startup.readyMs) <= 1500);
    add('4 Start-up to /health 200 (slowest run)', `${startup.slowestReadyMs} ms`);
    add('4 CPU time to ready (median)', `${startup.cpuToReadyMs} ms`);
    add('4 First turn after start-up', `${startup.firstTurnMs} ms`);
    add('4 First turn of a second conversation', `${startup.secondConversationFirstTurnMs} ms`);
  }
  if (results.storage) {
    for (const [kind, figures] of Object.entries(obj(results.storage))) {
      const f = obj(figures);
      if (f.error) add(`5 Turns/s, storage ${kind}`, `not measured: ${String(f.error).slice(0, 60)}`);
      else add(`5 Turns/s, storage ${kind}`, `${f.turnsPerSecond}, p99 ${obj(f.latencyMs).p99} ms${failed(f)}`);
    }
  }
  if (results.language) {
    const language = obj(results.language);
    const diagnosis = obj(language.diagnosis);
    const emergencies = obj(language.emergencies);
    const wishes = obj(language.wishes);
    const pct = (v: unknown) => `${Math.round(num(v) * 1000) / 10}%`;
    add('6 Diagnosis top-1 / top-3', `${pct(diagnosis.top1)} / ${pct(diagnosis.top3)}`);
    add('6 Diagnosis held out top-1 / top-3', `${pct(diagnosis.heldOutTop1)} / ${pct(diagnosis.heldOutTop3)}`);
    add('6 Emergency recall / false alarms', `${pct(emergencies.recall)} / ${pct(emergencies.falseEmergencyRate)}`);
    add('6 Wishes resolved', `${pct(wishes.rate)} (${wishes.resolved}/${wishes.total})`);
  }
  return rows;
}

export function renderMarkdown(results: Json, rows: Row[]): string {
  const machine = obj(results.machine);
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts); the figures of one run. See bench/README.md for what each item measures.',
    '',
    `- Date: ${results.date}`,
    `- Machine: ${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memoryGB} GB, ${machine.platform} (${machine.arch})`,
    `- Node: ${results.node}`,
    `- Load average at start / end: ${(machine.loadAverageAtStart as number[]).join(', ')} / ${(
      (machine.loadAverageAtEnd as number[] | undefined) ?? []
    ).join(', ')}`,
    '',
    '| item | figure | goal | met |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.item} | ${r.figure} | ${r.goal} | ${r.verdict} |`),
    '',
  ];
  const problemsOf = (section: unknown, label: string) =>
    ((obj(section).problems as string[] | undefined) ?? []).map((p) => `${label}: ${p.replace(/\s+/g, ' ')}`);
  const problems = [
    ...problemsOf(obj(results.turns).echo, 'echo'),
    ...problemsOf(obj(results.turns).repairs, 'repairs'),
    ...problemsOf(results.connectCalls, 'Connect calls sample'),
    ...Object.entries(obj(results.storage)).flatMap(([kind, f]) => problemsOf(f, `storage ${kind}`)),
  ];
  if (problems.length)
    lines.push('Problems seen (the first five of each run):', '', ...problems.map((p) => `- ${p}`), '');
  if (results.notes) lines.push('How it was measured:', '', ...(results.notes as string[]).map((n) => `- ${n}`), '');
  return `${lines.join('\n')}`;
}
