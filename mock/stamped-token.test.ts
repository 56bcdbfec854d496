import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "./mock-server";
import { monotonicMicros, parseStampedToken, stampedToken } from "./stamped-token";

describe("stamped tokens", () => {
  it("read back as the tag, index and send time they were written with", () => {
    expect(parseStampedToken(stampedToken("r1-17", 42, 1_234_567))).toEqual({ tag: "r1-17", index: 42, sentAtMicros: 1_234_567 });
  });

  it("are not recognized once cut, joined or changed", () => {
    const token = stampedToken("a", 1, 5);
    for (const broken of [token.slice(0, -2), token + token, token.replace("«", "<"), ` ${token}`, token.slice(1)]) {
      expect(parseStampedToken(broken)).toBeUndefined();
    }
  });

  it("carry the monotonic clock in microseconds", () => {
    const before = monotonicMicros();
    const stamp = parseStampedToken(stampedToken("a", 0));
    expect(stamp?.sentAtMicros).toBeGreaterThanOrEqual(before);
    expect(stamp?.sentAtMicros).toBeLessThanOrEqual(monotonicMicros());
  });
});

describe("the mock with stamp=TAG", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer();
  });
  afterAll(() => mock.close());

  it("stamps each token when it sends it, and notes when it sent the last", async () => {
    const requestedAt = monotonicMicros();
    const response = await fetch(`${mock.baseUrl}/chat/completions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ model: "m", stream: true, messages: [{ role: "user", content: "mock:paced tokens=4 interval=15 first=0 stamp=t7" }] }),
    });
    const text = await response.text();
    const contents = [...text.matchAll(/"content":"([^"]+)"/g)].map((match) => match[1] as string);
    const stamps = contents.map((content) => parseStampedToken(content));

    expect(stamps.map((stamp) => [stamp?.tag, stamp?.index])).toEqual([0, 1, 2, 3].map((index) => ["t7", index]));
    const times = stamps.map((stamp) => stamp?.sentAtMicros ?? 0);
    expect(times[0]).toBeGreaterThanOrEqual(requestedAt);
    // Taken at send time, not when the answer was planned: the pauses show between them.
    for (let index = 1; index < times.length; index++) expect((times[index] as number) - (times[index - 1] as number)).toBeGreaterThanOrEqual(10_000);
    const record = mock.requests.at(-1);
    expect(record?.lastTokenSentAt).toBeGreaterThan(record?.startedAt ?? Infinity);
  });
});
