import { afterAll, expect, test } from "vitest";
import { sleep } from "@/lib/server/test-support";
import { RedisAnswerCancels } from "@/lib/shared-state/redis-answer-cancels";
import { RedisConnection } from "@/lib/shared-state/redis-connection";
import { startTestRedis, type TestRedis } from "@/lib/shared-state/testing/redis-server";

const closers: Array<() => Promise<void>> = [];
let redis: TestRedis | undefined;

afterAll(async () => {
  for (const close of closers) await close();
  await redis?.stop();
});

function instance(url: string) {
  const connection = new RedisConnection(url, () => undefined);
  const cancels = new RedisAnswerCancels(connection);
  closers.push(() => cancels.close(), () => connection.close());
  return { connection, cancels };
}

test("an instance that started while Redis was down hears cancels from other instances once Redis is back", async () => {
  redis = await startTestRedis();
  await redis.kill();
  const generator = instance(redis.url);
  // Several failed connection attempts, as while an outage lasts.
  await sleep(1_500);
  await redis.restart();
  const canceller = instance(redis.url);

  const deadline = Date.now() + 10_000;
  let heard = false;
  for (let attempt = 0; !heard && Date.now() < deadline; attempt++) {
    const answer = generator.cancels.register(`answer-${attempt}`);
    let cancelled = false;
    answer.onCancel(() => (cancelled = true));
    await sleep(100); // its "live" mark is written off the answer's path
    if ((await canceller.cancels.cancel(`answer-${attempt}`)) === "cancelled") {
      await sleep(200);
      heard = cancelled;
    }
    answer.end();
  }
  expect(heard).toBe(true);
});
