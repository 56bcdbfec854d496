import { describe, expect, it } from "vitest";
import { parseLoad, parseLoads, steadyRoundsPerWorker } from "./load-spec";

describe("parseLoad", () => {
  it("reads a burst, with or without /burst", () => {
    const burst = { streams: 100, tokens: 50, intervalMs: 20, firstTokenMs: 20, arrivals: { mode: "burst" } };
    expect(parseLoad("100x50@20")).toEqual(burst);
    expect(parseLoad("100x50@20/burst")).toEqual(burst);
  });

  it("reads steady arrivals", () => {
    expect(parseLoad("100x50@20/steady")).toEqual({
      streams: 100,
      tokens: 50,
      intervalMs: 20,
      firstTokenMs: 20,
      arrivals: { mode: "steady", roundsPerWorker: steadyRoundsPerWorker },
    });
  });

  it.each(["100x50", "100x50@20/steddy", "100x50@20/", "x50@20", "100*50@20", "0x50@20", "100x0@20", "100x50@2.5"])("refuses %j", (text) => {
    expect(() => parseLoad(text)).toThrow(/load/);
  });

  it("reads a list, each load its own mode", () => {
    expect(parseLoads("100x50@20,100x50@20/steady,200x500@2").map((load) => [load.streams, load.arrivals.mode])).toEqual([
      [100, "burst"],
      [100, "steady"],
      [200, "burst"],
    ]);
  });
});
