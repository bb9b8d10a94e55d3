import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads a `.cpuprofile` written by `node --cpu-prof` and lists where the time went: self time by function and by
 * module (npm package, or file of the project), and total (inclusive) time of the project's own functions.
 * `npx tsx bench/cpuProfileSummary.ts FILE.cpuprofile [rows]`
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: ProfileRow[];
  byModule: ProfileRow[];
  projectInclusive: ProfileRow[];
}

function moduleOf(url: string): string {
  if (!url) return '(native/idle)';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (file.startsWith('node:')) return file;
  const src = file.indexOf('/src/');
  const dist = file.indexOf('/dist/');
  if (src >= 0) return file.slice(src + 1);
  if (dist >= 0) return file.slice(dist + 1);
  return path.basename(file);
}

const isProject = (url: string) => !url.includes('node_modules') && /\/(src|dist|bench)\//.test(url);

export function summarize(profile: CpuProfile, rows = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    totalUs += dt;
    self.set(id, (self.get(id) ?? 0) + dt);
  });
  const fn = new Map<string, number>();
  const mod = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${moduleOf(url)}:${lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + us);
    const m = url ? moduleOf(url) : functionName || '(native)';
    mod.set(m, (mod.get(m) ?? 0) + us);
    // Inclusive time of the project's functions: every distinct project frame on the stack gets the sample.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!.callFrame;
      if (!isProject(frame.url)) continue;
      const key = `${frame.functionName || '(anonymous)'} ${moduleOf(frame.url)}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + us);
    }
  }
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows)
      .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10, share: Math.round((us / totalUs) * 1000) / 10 }));
  return { totalMs: Math.round(totalUs / 1000), byFunction: top(fn), byModule: top(mod), projectInclusive: top(incl) };
}

function print(title: string, list: ProfileRow[]): void {
  console.log(`\n${title}`);
  for (const r of list) console.log(`${String(r.ms).padStart(9)} ms ${String(r.share).padStart(5)}%  ${r.name}`);
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx bench/cpuProfileSummary.ts FILE.cpuprofile [rows]');
    process.exit(2);
  }
  const summary = summarize(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, Number(process.argv[3] ?? 25));
  console.log(`total ${summary.totalMs} ms sampled`);
  print('self time by module', summary.byModule);
  print('self time by function', summary.byFunction);
  print("inclusive time of the project's functions", summary.projectInclusive);
}
