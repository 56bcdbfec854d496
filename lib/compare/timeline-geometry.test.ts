import { describe, expect, it } from "vitest";
import { timelineGeometry } from "@/lib/compare/timeline-geometry";

const idle = { screen: [], arrivals: [] };

describe("timelineGeometry", () => {
  const geometry = timelineGeometry({
    width: 648,
    height: 252,
    elapsedMs: 1_000,
    lanes: {
      streaming: { screen: [{ atMs: 400, characters: 50 }, { atMs: 800, characters: 100 }], arrivals: [390, 395, 790], endedMs: 800 },
      nonStreaming: { screen: [{ atMs: 1_000, characters: 100 }], arrivals: [], endedMs: 1_000 },
    },
  });

  it("scales time across and characters up, to nice round ticks", () => {
    expect(geometry.plot).toEqual({ left: 48, top: 12, right: 632, bottom: 212 });
    expect(geometry.xTicks.map((tick) => tick.label)).toEqual(["0 ms", "200 ms", "400 ms", "600 ms", "800 ms", "1000 ms"]);
    expect(geometry.xTicks.at(-1)?.x).toBe(632);
    expect(geometry.yTicks.map((tick) => tick.label)).toEqual(["0", "20", "40", "60", "80", "100"]);
    expect(geometry.yTicks.at(-1)?.y).toBe(12);
  });

  it("draws each lane as a step line from zero, marking its first and last characters on screen", () => {
    expect(geometry.lanes.streaming.path).toBe("M48,212H281.6V112H515.2V12H515.2");
    expect(geometry.lanes.streaming.firstToken).toEqual({ x: 281.6, y: 112, atMs: 400 });
    expect(geometry.lanes.streaming.lastToken).toEqual({ x: 515.2, y: 12, atMs: 800 });
    expect(geometry.lanes.nonStreaming.path).toBe("M48,212H632V12H632");
    expect(geometry.lanes.nonStreaming.firstToken?.atMs).toBe(1_000);
  });

  it("puts a tick where each chunk came off the network", () => {
    expect(geometry.arrivalXs).toEqual([275.8, 278.7, 509.4]);
  });

  it("draws lanes still running up to the clock, in seconds once the span is long", () => {
    const running = timelineGeometry({ width: 648, height: 252, elapsedMs: 4_100, lanes: { streaming: { screen: [{ atMs: 400, characters: 5 }], arrivals: [] }, nonStreaming: idle } });
    expect(running.lanes.nonStreaming.path).toMatch(/^M48,212H\d+(\.\d)?$/);
    expect(running.lanes.streaming.lastToken).toBeUndefined();
    expect(running.xTicks.map((tick) => tick.label)).toContain("4 s");
  });

  it("draws an empty chart before any run", () => {
    const empty = timelineGeometry({ width: 320, height: 200, elapsedMs: 0, lanes: { streaming: idle, nonStreaming: idle } });
    // A narrow chart gets fewer time labels, and still spans the shortest time drawn.
    const gaps = empty.xTicks.slice(1).map((tick, index) => tick.x - (empty.xTicks[index]?.x ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60);
    expect(Number.parseInt(empty.xTicks.at(-1)?.label ?? "")).toBeGreaterThanOrEqual(500);
    expect(empty.lanes.streaming.firstToken).toBeUndefined();
  });
});
