/**
 * Text for a text message: GSM-7 characters only (one character outside it turns the whole message into UCS-2,
 * 70 characters a segment instead of 160), no markdown, and long replies cut at line ends into messages of at most
 * three segments each. Used for every SMS channel (Twilio and the Azure Bot Service SMS channel).
 */

/** GSM 03.38 basic character set: one septet each. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: two septets each (escape + character). */
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

export const SINGLE_SEGMENT_SEPTETS = 160;
export const CONCATENATED_SEGMENT_SEPTETS = 153;
export const MAX_SEGMENTS_PER_MESSAGE = 3;

/** Common typographic characters and their plain GSM-7 stand-ins. */
const REPLACEMENTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u2032': "'",
  '`': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2033': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '*',
  '\u00B7': '*',
  '\u25CF': '*',
  '\u00A0': ' ',
  '\u2009': ' ',
  '\u202F': ' ',
  '\t': ' ',
  '\u00D7': 'x',
  '\u00BD': '1/2',
  '\u2192': '->',
};

export function isGsm7(text: string): boolean {
  return [...text].every((ch) => GSM_BASIC.has(ch) || GSM_EXTENSION.has(ch));
}

/** Markdown a chat channel would render, written out as plain text. */
export function stripMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, (_m, label: string, url: string) =>
        label === url ? url : `${label} ${url}`,
      )
      // Emphasis only around words, so masked details (a****@e****.com) and sums (5 * 3) stay as they are.
      .replace(/(?<![*\w])\*\*(?=[^\s*])([^*\n]*[^\s*])\*\*(?![*\w])/g, '$1')
      .replace(/(?<![_\w])__(?=[^\s_])([^_\n]*[^\s_])__(?![_\w])/g, '$1')
      .replace(/(?<![*\w])\*(?=[^\s*])([^*\n]*[^\s*])\*(?![*\w])/g, '$1')
      .replace(/(?<![_\w])_(?=[^\s_])([^_\n]*[^\s_])_(?![_\w])/g, '$1')
      .replace(/`([^`\n]+)`/g, '$1')
      .replace(/^#{1,6}\s+/gm, '')
      .replace(/^\s*[-+]\s+/gm, '* ')
  );
}

/** Plain GSM-7 text: markdown written out, typographic characters replaced, accents dropped where GSM-7 has none. */
export function toGsm7(text: string): string {
  const plain = stripMarkdown(text);
  let out = '';
  for (const ch of plain) {
    if (GSM_BASIC.has(ch) || GSM_EXTENSION.has(ch)) out += ch;
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else {
      const bare = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += bare !== '' && isGsm7(bare) ? bare : '?';
    }
  }
  return out
    .replace(/[ ]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const septetsOf = (ch: string) => (GSM_EXTENSION.has(ch) ? 2 : 1);

/**
 * How many segments a message costs. GSM-7 text: 160 septets in one segment, else 153 per segment (an extension
 * character's two septets never straddle two segments). Anything else goes as UCS-2: 70, else 67 code units.
 */
export function segmentsOf(text: string): number {
  if (text === '') return 1;
  if (!isGsm7(text)) return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
  const total = [...text].reduce((sum, ch) => sum + septetsOf(ch), 0);
  if (total <= SINGLE_SEGMENT_SEPTETS) return 1;
  let segments = 1;
  let used = 0;
  for (const ch of text) {
    const size = septetsOf(ch);
    if (used + size > CONCATENATED_SEGMENT_SEPTETS) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return segments;
}

/** A line too long for one message, cut between words. */
function cutLine(line: string, maxSegments: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (segmentsOf(next) <= maxSegments) current = next;
    else if (!current) {
      // One word longer than a message: cut it anywhere.
      let rest = word;
      while (segmentsOf(rest) > maxSegments) {
        let end = rest.length;
        while (segmentsOf(rest.slice(0, end)) > maxSegments) end -= 1;
        parts.push(rest.slice(0, end));
        rest = rest.slice(end);
      }
      current = rest;
    } else {
      parts.push(current);
      current = word;
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** The text as one or more messages of at most `maxSegments` segments each, cut at line ends where it can be. */
export function splitForSms(text: string, maxSegments = MAX_SEGMENTS_PER_MESSAGE): string[] {
  if (segmentsOf(text) <= maxSegments) return [text];
  const messages: string[] = [];
  let current = '';
  for (const line of text.split('\n').flatMap((l) => (segmentsOf(l) > maxSegments ? cutLine(l, maxSegments) : [l]))) {
    const next = current ? `${current}\n${line}` : line;
    if (segmentsOf(next) <= maxSegments) current = next;
    else {
      if (current.trim()) messages.push(current.trim());
      current = line;
    }
  }
  if (current.trim()) messages.push(current.trim());
  return messages;
}

/** What a tenant receives for one reply: GSM-7 text in messages of at most three segments. */
export function smsMessages(text: string): string[] {
  const plain = toGsm7(text);
  return plain === '' ? [] : splitForSms(plain);
}
