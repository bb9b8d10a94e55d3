/**
 * FNV-1a, 32 bits. The simulator derives "random-looking" but reproducible facts (which days are fully booked,
 * travel times, operative names) from strings, so every run and every test sees the same calendar.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
