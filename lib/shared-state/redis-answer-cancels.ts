import { endedAnswerMemoryMs, MemoryAnswerCancels, type AnswerCancels, type AnswerRegistration } from "@/lib/shared-state/answer-cancels";
import { RedisChannels } from "@/lib/shared-state/redis-channels";
import type { RedisConnection } from "@/lib/shared-state/redis-connection";

const channel = "streamchat:cancel";
/** `live` while the answer is generated somewhere (written before its `start` event), then `ended`. */
export const stateKey = (id: string) => `streamchat:answer:${id}`;
// Longer than any answer may stream (maxDuration is 300 s, 800 s at most).
const inFlightTtlSeconds = 900;
const knownWithinMs = 250;

/**
 * Cancel across instances: each answer in flight has a key in Redis
 * (`live`, then `ended`), and a cancel for an answer generated elsewhere is
 * published on one channel that every instance listens to: the generating
 * instance aborts its upstream as soon as the message arrives. The `live`
 * key is written before the answer's `start` event is sent (`known`; the
 * answer waits 250 ms at most, not at all while Redis is down): a cancel on
 * another instance right after `start` finds it. The `ended` write is not
 * awaited. While Redis is down, cancel still works for answers of the
 * instance that receives it.
 */
export class RedisAnswerCancels implements AnswerCancels {
  private readonly local = new MemoryAnswerCancels();

  constructor(
    private readonly connection: RedisConnection,
    private readonly channels = new RedisChannels(connection),
  ) {
    channels.listen(channel, (id) => this.local.cancelHere(id));
  }

  register(id: string): AnswerRegistration {
    const registration = this.local.register(id);
    const written = this.connection
      .ready()
      .then((ready) => (ready ? this.connection.client.set(stateKey(id), "live", "EX", inFlightTtlSeconds) : undefined))
      .then(
        () => undefined,
        (error: unknown) => this.connection.wentDown(error),
      );
    // The answer waits for the write 250 ms at most (a new instance's first connection may
    // still be under way); the write itself goes on, and lands when the connection does.
    const known = Promise.race([written, new Promise<void>((resolve) => setTimeout(resolve, knownWithinMs).unref())]);
    return {
      onCancel: registration.onCancel,
      known,
      end: () => {
        registration.end();
        this.write(() => this.connection.client.set(stateKey(id), "ended", "PX", endedAnswerMemoryMs));
      },
    };
  }

  async cancel(id: string): Promise<"cancelled" | "ended" | "unknown"> {
    if (this.local.cancelHere(id)) return "cancelled";
    if (!(await this.connection.ready())) return this.local.cancel(id);
    try {
      const state = await this.connection.client.get(stateKey(id));
      if (state === "live") {
        await this.connection.client.publish(channel, id);
        return "cancelled";
      }
      return state === "ended" ? "ended" : "unknown";
    } catch (error) {
      this.connection.wentDown(error);
      return this.local.cancel(id);
    }
  }

  async close(): Promise<void> {
    this.channels.close();
  }

  /** A write off the answer's path: not awaited by it, and waiting a moment for a connection still being made. */
  private write(command: () => Promise<unknown>): void {
    void this.connection
      .ready()
      .then((ready) => (ready ? command() : undefined))
      .catch((error: unknown) => this.connection.wentDown(error));
  }
}
