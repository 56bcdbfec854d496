import { describe, expect, it } from "vitest";
import { newAnswerId } from "@/lib/server/answer-id";

describe("newAnswerId", () => {
  it("gives 128-bit base64url ids, none repeated across several refills of its pool", () => {
    const ids = Array.from({ length: 2_000 }, () => newAnswerId());
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(id, "base64url")).toHaveLength(16);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
