import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/stream/route";

describe("GET /api/health/stream", () => {
  it("answers an uncompressed, unbuffered event stream", async () => {
    const client = new AbortController();
    const response = await GET(new Request("http://localhost/api/health/stream", { signal: client.signal }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toMatch(/^event: hello\n/);
    client.abort();
    await reader?.cancel();
  });
});
