/**
 * Readers of small JSON shapes, for the page. zod stays the server's (and
 * the protocol's) schema language; on the page it was 30 kB gzipped of
 * first-load JS, most of what our own code weighs, to check a handful of flat
 * shapes (SSE events, saved chats). A reader returns the value as typed, with
 * unknown keys dropped as zod's objects drop them, or `invalid`.
 *
 * No `eval` or `new Function` (the pages' CSP forbids both), no prototype
 * writes: objects are built from the readers' own keys, records with
 * `Object.fromEntries` (a "__proto__" key stays a plain key).
 */
export const invalid: unique symbol = Symbol("invalid");
export type Reader<T> = (value: unknown) => T | typeof invalid;
/** A reader for each key of `T`, optional ones included: adding a field to the type without a reader does not compile. */
export type FieldReaders<T> = { [Key in keyof T]-?: Reader<T[Key]> };

export const readString: Reader<string> = (value) => (typeof value === "string" ? value : invalid);
export const readBoolean: Reader<boolean> = (value) => (typeof value === "boolean" ? value : invalid);

/** A finite number (as zod's `number()`) within `[minimum, maximum]`. */
export function readNumber(minimum = -Infinity, maximum = Infinity): Reader<number> {
  return (value) => (typeof value === "number" && Number.isFinite(value) && value >= minimum && value <= maximum ? value : invalid);
}

/** A safe integer ≥ 0 (zod's `int().nonnegative()`). */
export const readCount: Reader<number> = (value) => (typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : invalid);

/** One of a string union's members, given as the keys of a record (so a member left out does not compile). */
export function readMember<T extends string>(members: Record<T, true>): Reader<T> {
  return (value) => (typeof value === "string" && Object.hasOwn(members, value) ? (value as T) : invalid);
}

export function readOptional<T>(read: Reader<T>): Reader<T | undefined> {
  return (value) => (value === undefined ? undefined : read(value));
}

export function readArray<T>(read: Reader<T>): Reader<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return invalid;
    const items: T[] = [];
    for (const item of value) {
      const checked = read(item);
      if (checked === invalid) return invalid;
      items.push(checked);
    }
    return items;
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function readRecord<T>(read: Reader<T>): Reader<Record<string, T>> {
  return (value) => {
    if (!isPlainObject(value)) return invalid;
    const entries: Array<[string, T]> = [];
    for (const [key, item] of Object.entries(value)) {
      const checked = read(item);
      if (checked === invalid) return invalid;
      entries.push([key, checked]);
    }
    return Object.fromEntries(entries);
  };
}

/** An object with exactly these fields (others dropped); an optional field that is absent stays absent. */
export function readObject<T>(fields: FieldReaders<T>): Reader<T> {
  const keys = Object.keys(fields) as Array<keyof T & string>;
  return (value) => {
    if (!isPlainObject(value)) return invalid;
    const result: Partial<T> = {};
    for (const key of keys) {
      const checked = fields[key](value[key]);
      if (checked === invalid) return invalid;
      if (checked !== undefined) result[key] = checked;
    }
    return result as T;
  };
}
