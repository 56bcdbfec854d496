import { describe, expect, test } from "vitest";
import { invalid, readArray, readCount, readMember, readNumber, readObject, readOptional, readRecord, readString } from "@/lib/validation/readers";

describe("readers", () => {
  const readPoint = readObject<{ name: string; x: number; note?: string }>({ name: readString, x: readNumber(0, 2), note: readOptional(readString) });

  test("an object keeps its known fields only, and an absent optional field stays absent", () => {
    expect(readPoint({ name: "a", x: 1, extra: true })).toEqual({ name: "a", x: 1 });
    expect(Object.keys(readPoint({ name: "a", x: 2 }) as object)).toEqual(["name", "x"]);
  });

  test("a field of the wrong kind, out of range or missing makes the whole value invalid", () => {
    for (const value of [{ name: "a", x: 3 }, { name: "a" }, { name: 1, x: 1 }, { name: "a", x: 1, note: null }, [], null, "a"]) {
      expect(readPoint(value)).toBe(invalid);
    }
    expect(readArray(readPoint)([{ name: "a", x: 1 }, { name: "b", x: -1 }])).toBe(invalid);
    expect(readCount(1.5)).toBe(invalid);
    expect(readCount(2 ** 53)).toBe(invalid);
    expect(readNumber()(Infinity)).toBe(invalid);
    expect(readMember({ one: true })("toString")).toBe(invalid);
  });

  test("a record keeps a __proto__ key as a key of its own, never as the prototype", () => {
    const record = readRecord(readString)(JSON.parse('{"__proto__": "x", "a": "b"}'));
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.entries(record as object)).toEqual([
      ["__proto__", "x"],
      ["a", "b"],
    ]);
  });
});
