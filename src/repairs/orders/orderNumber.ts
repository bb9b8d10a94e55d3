import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { type Clock } from '../time/clock';
import { DEFAULT_ZONE } from '../time/zone';

/**
 * The PrimaryOrderNumber the bot gives each works order, e.g. 'RB-261201-7KQ4MZ8P': a prefix saying the bot raised
 * it, the day it was raised (yyMMdd on the landlord's clock) and eight random characters.
 *
 * - Readable on the phone: the random part has no 0/O, 1/I/L, so nothing sounds or looks like something else.
 * - Collision-resistant: 31^8 ≈ 8.5 × 10^11 numbers per day from the operating system's secure random source.
 *   Six characters (8.9 × 10^8) would give a 1 in 18 chance of a clash among 10,000 orders in a day, and a clash
 *   could attach one tenant's visit to another's order; eight make it about 1 in 17,000 at that volume.
 * - Short: 18 characters, well inside Connect's limit of 32.
 */
export const ORDER_NUMBER_PREFIX = 'RB';
export const ORDER_NUMBER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ORDER_NUMBER_RANDOM_LENGTH = 8;

/** Returns `count` random bytes; injectable so a test can make the number predictable. */
export type RandomBytes = (count: number) => Uint8Array;

const cryptoRandom: RandomBytes = (count) => randomBytes(count);

// Bytes at or above the largest multiple of the alphabet's length are discarded, so every character is equally likely.
const UNBIASED_LIMIT = 256 - (256 % ORDER_NUMBER_ALPHABET.length);

function randomCharacters(length: number, random: RandomBytes): string {
  let result = '';
  while (result.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < UNBIASED_LIMIT && result.length < length)
        result += ORDER_NUMBER_ALPHABET[byte % ORDER_NUMBER_ALPHABET.length];
    }
  }
  return result;
}

export function newPrimaryOrderNumber(
  clock: Clock,
  random: RandomBytes = cryptoRandom,
  zone: string = DEFAULT_ZONE,
): string {
  const day = DateTime.fromJSDate(clock.now(), { zone }).toFormat('yyMMdd');
  return `${ORDER_NUMBER_PREFIX}-${day}-${randomCharacters(ORDER_NUMBER_RANDOM_LENGTH, random)}`;
}

const ORDER_NUMBER = new RegExp(
  `^${ORDER_NUMBER_PREFIX}(\\d{6})([${ORDER_NUMBER_ALPHABET}]{${ORDER_NUMBER_RANDOM_LENGTH}})$`,
);

/** The day and random part of a reference as stored or as a tenant typed it (any case, spaces or dashes). */
function referenceParts(text: string): { day: string; random: string } | null {
  const match = ORDER_NUMBER.exec(text.toUpperCase().replace(/[\s-]/g, ''));
  return match?.[1] && match[2] ? { day: match[1], random: match[2] } : null;
}

/**
 * The reference as a tenant reads it out or copies it down: groups of at most four, 'RB 261201 7KQ4 MZ8P'.
 * Returns null for anything that is not one of the bot's order numbers.
 */
export function formatReference(orderNumber: string): string | null {
  const parts = referenceParts(orderNumber);
  return parts && `${ORDER_NUMBER_PREFIX} ${parts.day} ${parts.random.slice(0, 4)} ${parts.random.slice(4)}`;
}

/** The stored form of a reference a tenant typed or read out ('rb 261201 7kq4 mz8p' → 'RB-261201-7KQ4MZ8P'). */
export function parseReference(text: string): string | null {
  const parts = referenceParts(text);
  return parts && `${ORDER_NUMBER_PREFIX}-${parts.day}-${parts.random}`;
}
