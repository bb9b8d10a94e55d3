/**
 * Tenants answer "house number or name, and surname" in one line, in any shape: "12, Hart", "12 Hart",
 * "Flat 3 Hart", "Rose Cottage, O'Brien". With a comma the last comma splits the two; without one, every split
 * between words is a candidate, and the directory decides (only a unique match proves anything).
 */
export interface HouseAndSurname {
  houseNumberOrName: string;
  surname: string;
}

export function houseAndSurnameCandidates(answer: string): HouseAndSurname[] {
  const text = answer.trim().replace(/\s+/g, ' ');
  const comma = text.lastIndexOf(',');
  if (comma > 0) {
    const house = text.slice(0, comma).trim();
    const surname = text.slice(comma + 1).trim();
    return house && surname ? [{ houseNumberOrName: house, surname }] : [];
  }
  const words = text.split(' ').filter(Boolean);
  const candidates: HouseAndSurname[] = [];
  for (let split = words.length - 1; split >= 1; split -= 1) {
    candidates.push({ houseNumberOrName: words.slice(0, split).join(' '), surname: words.slice(split).join(' ') });
  }
  return candidates;
}
