import { describe, expect, it } from "vitest";
import { helloFor, probeCutIndex, streamHealthSchedule, utf8Probe } from "@/lib/health/stream-health-plan";

describe("streamHealthSchedule", () => {
  it("puts ticks an interval apart and a heartbeat halfway between each two", () => {
    expect(streamHealthSchedule({ intervalMs: 100, ticks: 3 })).toEqual([
      { atMs: 0, kind: "tick", sequence: 0 },
      { atMs: 50, kind: "heartbeat", sequence: 0 },
      { atMs: 100, kind: "tick", sequence: 1 },
      { atMs: 150, kind: "heartbeat", sequence: 1 },
      { atMs: 200, kind: "tick", sequence: 2 },
    ]);
  });

  it("announces as many heartbeats as it schedules", () => {
    expect(helloFor({ intervalMs: 100, ticks: 3 })).toEqual({ interval_ms: 100, ticks: 3, heartbeats: 2 });
  });
});

describe("the UTF-8 probe", () => {
  const bytes = new TextEncoder().encode(`data: {"text":"${utf8Probe}"}`);

  it("holds characters of every UTF-8 length, combining marks and joined emoji", () => {
    const lengths = new Set(Array.from(utf8Probe, (character) => new TextEncoder().encode(character).length));
    expect([...lengths].sort()).toEqual([1, 2, 3, 4]);
    expect(utf8Probe).toContain("\u0301");
    expect(utf8Probe).toContain("\u200d");
    expect(utf8Probe.normalize("NFC")).not.toBe(utf8Probe);
  });

  it("is cut inside a four-byte character, so that a decoder that does not carry bytes over breaks it", () => {
    const cut = probeCutIndex(bytes);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes.slice(0, cut))).toThrow();
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes.slice(cut))).toThrow();
  });

  it("is cut in the middle when there is no four-byte character", () => {
    expect(probeCutIndex(new TextEncoder().encode("abcd"))).toBe(2);
  });
});
