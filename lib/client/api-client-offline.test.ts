import { afterEach, expect, test, vi } from "vitest";

// Offline, the chunk with the waiting code may not load: importing it fails, as a chunk's fetch does then.
vi.mock("@/lib/client/reconnect-wait", () => {
  throw new TypeError("Failed to fetch dynamically imported module");
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test("Stop pressed offline asks the server again when the waiting code cannot load, until it gets through", async () => {
  vi.useFakeTimers();
  const fetch = vi
    .fn<typeof globalThis.fetch>()
    .mockRejectedValueOnce(new TypeError("Failed to fetch"))
    .mockRejectedValueOnce(new TypeError("Failed to fetch"))
    .mockResolvedValueOnce(new Response(null, { status: 204 }));
  vi.stubGlobal("fetch", fetch);
  const { cancelAnswer } = await import("@/lib/client/api-client");

  let settled: string | undefined;
  cancelAnswer("answer-1").then(
    () => (settled = "cancelled"),
    (error: unknown) => (settled = `failed: ${String(error)}`),
  );
  await vi.advanceTimersByTimeAsync(1_000);
  expect(fetch).toHaveBeenCalledTimes(1);
  await vi.advanceTimersByTimeAsync(4_000);
  expect(fetch).toHaveBeenCalledTimes(3);
  expect(fetch.mock.calls.at(-1)?.[0]).toBe("/api/chat/answer-1/cancel");
  expect(settled).toBe("cancelled");
});
