import { describe, expect, it } from "vitest";
import { serverConfigFrom, vercelMaxBodyBytes } from "@/lib/server/server-config";

describe("serverConfigFrom", () => {
  it("takes the protocol's defaults, and a value that is not a whole number in range as unset", () => {
    expect(serverConfigFrom({})).toMatchObject({ maxBodyBytes: 1_048_576, maxConcurrent: 256, rateLimitPerMinute: 30, resumeGraceMs: 30_000 });
    expect(serverConfigFrom({ CHAT_MAX_BODY_BYTES: "2.5", CHAT_MAX_CONCURRENT: "0", CHAT_RATE_LIMIT: "-1" })).toMatchObject({
      maxBodyBytes: 1_048_576,
      maxConcurrent: 256,
      rateLimitPerMinute: 30,
    });
    expect(serverConfigFrom({ CHAT_MAX_BODY_BYTES: "8388608", CHAT_RATE_LIMIT: "0" })).toMatchObject({ maxBodyBytes: 8_388_608, rateLimitPerMinute: 0 });
  });

  it("on Vercel, takes no larger body than the platform lets through", () => {
    expect(serverConfigFrom({ VERCEL: "1", CHAT_MAX_BODY_BYTES: "8388608" }).maxBodyBytes).toBe(vercelMaxBodyBytes);
    expect(serverConfigFrom({ VERCEL: "1", CHAT_MAX_BODY_BYTES: "2097152" }).maxBodyBytes).toBe(2_097_152);
    expect(serverConfigFrom({ VERCEL: "1" }).maxBodyBytes).toBe(1_048_576);
  });
});
