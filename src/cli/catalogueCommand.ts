import fs from 'node:fs';
import { type Command } from 'commander';
import { checkCatalogue, type CatalogueProblem } from '../repairs/catalogue';

export interface CatalogueReport {
  file: string;
  problems: CatalogueProblem[];
  /** Counts of a usable catalogue, for the reassuring line. */
  counts?: { categories: number; subAreas: number; emergencies: number };
}

/** Reads and checks a catalogue file as the bot does at start-up, but reports every problem instead of stopping. */
export function checkCatalogueFile(file: string): CatalogueReport {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { file, problems: [{ path: '$', message: `cannot be read: ${reasonOf(error)}` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { file, problems: [{ path: '$', message: `is not valid JSON: ${reasonOf(error)}` }] };
  }
  const { problems, catalogue } = checkCatalogue(json);
  if (!catalogue) return { file, problems };
  return {
    file,
    problems,
    counts: {
      categories: catalogue.categories.length,
      subAreas: catalogue.categories.reduce((n, category) => n + category.subAreas.length, 0),
      emergencies: catalogue.emergencies.length,
    },
  };
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** `path: message` lines, one a problem, or one line saying the file is usable. */
export function formatCatalogueReport(report: CatalogueReport): string {
  if (report.problems.length === 0 && report.counts) {
    const { categories, subAreas, emergencies } = report.counts;
    return `${report.file}: no problems (${categories} categories, ${subAreas} repair types, ${emergencies} emergencies)\n`;
  }
  const count = report.problems.length;
  return (
    `${report.file}: ${count} problem${count === 1 ? '' : 's'}\n` +
    report.problems.map((p) => `${p.path}: ${p.message}\n`).join('')
  );
}

export function registerCatalogueCommand(program: Command): void {
  const catalogue = program.command('catalogue').description('Work on the repairs catalogue (diagnosis tree)');
  catalogue
    .command('check')
    .summary('Check a catalogue file: every problem with its JSON path')
    .description(
      'Check a catalogue file as the bot would at start-up: every problem with its JSON path (exit status 1 when there is one)',
    )
    .argument('<file>', 'the catalogue JSON file')
    .option('--json', 'print {"file", "problems": [{"path", "message"}]} instead of lines')
    .action((file: string, options: { json?: boolean }) => {
      const report = checkCatalogueFile(file);
      process.stdout.write(
        options.json ? `${JSON.stringify({ file, problems: report.problems })}\n` : formatCatalogueReport(report),
      );
      if (report.problems.length > 0) process.exitCode = 1;
    });
}
