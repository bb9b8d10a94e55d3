import { type Command } from 'commander';
import { loadCatalogue } from '../repairs/catalogue';
import { createDiagnosisMatcher, type DiagnosisMatcher } from '../repairs/diagnosis';
import { createEmergencyDetector, type EmergencyDetector } from '../repairs/emergencies';
import { type CliSettings } from './cliSettings';
import { nonBlankLines, printJsonLine } from './lines';

/** What the bot makes of one message: the emergency it would screen for, and the repair types it would consider. */
export interface DiagnoseResult {
  text: string;
  /** The catalogue id of the emergency the bot would stop for, or null. */
  emergency: string | null;
  /** How the bot would go on: take the best match alone, offer a few, or offer the categories. */
  decision: 'one' | 'few' | 'none';
  /** Best first, at most 3. */
  matches: { code: string; subArea: string; category: string; score: number }[];
}

const MAX_MATCHES = 3;

export function diagnose(text: string, matcher: DiagnosisMatcher, emergencies: EmergencyDetector): DiagnoseResult {
  const matches = matcher.match(text, MAX_MATCHES);
  return {
    text,
    emergency: emergencies.detect(text)?.emergencyId ?? null,
    decision: matcher.decide(text).kind,
    matches: matches.map((m) => ({
      code: m.code,
      subArea: m.subArea.name,
      category: m.category.name,
      score: Math.round(m.score * 100) / 100,
    })),
  };
}

export function registerDiagnoseCommand(program: Command, settings: CliSettings): void {
  program
    .command('diagnose')
    .summary('What the bot makes of a message: emergency and best repair types (JSON lines)')
    .description(
      'What the bot makes of a message: one JSON line per message (TEXT, or each line of standard input) with the ' +
        'emergency it screens for and its best repair types',
    )
    .argument('[text]', 'the message; without it, each line of standard input is one message')
    .option('--catalogue <file>', 'the catalogue to match against (default: DIAGNOSIS_CATALOGUE or the bundled one)')
    .action(async (text: string | undefined, options: { catalogue?: string }) => {
      const catalogue = loadCatalogue(settings.cataloguePath(options.catalogue));
      const matcher = createDiagnosisMatcher(catalogue);
      const emergencies = createEmergencyDetector(catalogue);
      if (text !== undefined) {
        printJsonLine(diagnose(text, matcher, emergencies));
        return;
      }
      for await (const line of nonBlankLines()) printJsonLine(diagnose(line, matcher, emergencies));
    });
}
