import readline from 'node:readline';

/** Each line of a stream, without its line ending; blank lines are skipped. */
export async function* nonBlankLines(input: NodeJS.ReadableStream = process.stdin): AsyncGenerator<string> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') yield line;
  }
}

/** One JSON value on one line of standard output, so results can be piped to `jq` or compared line by line. */
export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
