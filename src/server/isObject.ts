/** A JSON object (not null, not an array): what a request body or one of its members must be before it is read. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
