import { describe, expect, it } from "vitest";
import { redisUrlProblem } from "@/lib/shared-state/redis-url-problem";

describe("redisUrlProblem", () => {
  it("accepts no REDIS_URL, redis:// and rediss:// URLs, and ioredis's host and port without a scheme", () => {
    for (const value of [undefined, "", "  ", "redis://localhost:6379", "rediss://default:secret@cache.example.com:6380/0", "localhost:6379", " redis://127.0.0.1 "]) {
      expect(redisUrlProblem(value)).toBeUndefined();
    }
  });

  it("names what is wrong with a URL that does not parse or has another scheme, without repeating the value", () => {
    const unreadable = redisUrlProblem("redis://:secret-password@host:6379x");
    expect(unreadable).toMatch(/^REDIS_URL is not a URL that can be read/);
    expect(unreadable).not.toContain("secret-password");
    expect(redisUrlProblem("https://user:secret-password@cache.example.com")).toMatch(/^REDIS_URL must begin with redis:\/\/ or rediss:\/\/, not https:\/\//);
    expect(redisUrlProblem("https://user:secret-password@cache.example.com")).not.toContain("secret-password");
  });
});
