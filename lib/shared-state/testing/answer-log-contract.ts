import { describe, expect, test } from "vitest";
import type { AnswerFollower, AnswerLog, LoggedEvent } from "@/lib/shared-state/answer-log";
import { newAnswerId } from "@/lib/server/answer-id";
import { formatEvent } from "@/lib/sse/encode";

/*
 * What every AnswerLog must do, run against each implementation: what a
 * follower reads is the exact text of the events after its position, then
 * the live ones, to the end.
 */

export const loggedDelta = (id: number, content: string): LoggedEvent => ({ id, text: formatEvent(id, { type: "delta", content }) });

const loggedStart = (answerId: string): LoggedEvent => ({ id: 0, text: formatEvent(0, { type: "start", id: answerId, model: "m" }) });

/** Reads until the answer has ended (or `timeoutMs`); all the text, and whether it ended. */
export async function readAll(follower: AnswerFollower, timeoutMs = 3_000): Promise<{ text: string; ended: boolean }> {
  let text = "";
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const read = await Promise.race([
      follower.read(),
      new Promise<undefined>((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now()))),
    ]);
    if (!read) return { text, ended: false };
    text += read.text;
    if (read.ended) return { text, ended: true };
  }
}

export interface LogUnderTest {
  /** The instance that generates answers. */
  writer: AnswerLog;
  /** An instance that follows them (the same one, or another). */
  reader: AnswerLog;
  /** Waits until what was appended can be read by `reader` (Redis writes are not awaited). */
  settle(): Promise<void>;
  /** The TTL the logs were made with, in ms. */
  ttlMs: number;
}

export function describeAnswerLogContract(name: string, under: () => LogUnderTest): void {
  describe(`${name}: the AnswerLog contract`, () => {
    test("replays the events after a position with their exact text, then follows live ones to the end", async () => {
      const { writer, reader, settle } = under();
      const id = newAnswerId();
      const log = writer.create(id, { onFollowerChange: () => undefined });
      const events = [loggedStart(id), loggedDelta(1, "こんにちは 👋🏽"), loggedDelta(2, 'say "hi"\n')];
      log.append(events.slice(0, 2));
      log.append(events.slice(2));
      await settle();

      const fromStart = await reader.follow(id, -1);
      const afterOne = await reader.follow(id, 1);
      expect(fromStart).toBeDefined();
      expect((await fromStart?.read())?.text).toBe(events.map((event) => event.text).join(""));
      expect((await afterOne?.read())?.text).toBe(events[2]?.text);

      const live = fromStart?.read();
      const finish = { id: 3, text: formatEvent(3, { type: "finish", finish_reason: "stop" }) };
      log.append([finish]);
      log.end();
      const liveText = (await live)?.text ?? "";
      const rest = await readAll(fromStart as AnswerFollower);
      expect(liveText + rest.text).toBe(finish.text);
      expect(rest.ended).toBe(true);
      expect(await readAll(afterOne as AnswerFollower)).toEqual({ text: finish.text, ended: true });
      fromStart?.close();
      afterOne?.close();
    });

    test("an ended answer: its rest, or nothing (undefined) when nothing is left; unknown ids are undefined", async () => {
      const { writer, reader, settle } = under();
      const id = newAnswerId();
      const log = writer.create(id, { onFollowerChange: () => undefined });
      log.append([loggedStart(id), loggedDelta(1, "a"), loggedDelta(2, "b")]);
      log.end();
      await settle();
      const follower = await reader.follow(id, 0);
      expect(await readAll(follower as AnswerFollower)).toEqual({ text: loggedDelta(1, "a").text + loggedDelta(2, "b").text, ended: true });
      follower?.close();
      expect(await reader.follow(id, 2)).toBeUndefined();
      expect(await reader.follow(newAnswerId(), -1)).toBeUndefined();
    });

    test("several followers at once each get every event; attaching and leaving a live answer is told to its writer", async () => {
      const { writer, reader, settle } = under();
      const id = newAnswerId();
      const changes: number[] = [];
      const log = writer.create(id, { onFollowerChange: (change) => changes.push(change) });
      log.append([loggedStart(id)]);
      await settle();
      const followers = await Promise.all([reader.follow(id, -1), reader.follow(id, -1), reader.follow(id, 0)]);
      await settle();
      expect(changes).toEqual([1, 1, 1]);
      const reads = followers.map((follower) => readAll(follower as AnswerFollower));
      for (let index = 1; index <= 20; index++) log.append([loggedDelta(index, `token ${index} `)]);
      await settle();
      followers[0]?.close();
      await settle();
      expect(changes).toEqual([1, 1, 1, -1]);
      log.end();
      const deltas = Array.from({ length: 20 }, (_, index) => loggedDelta(index + 1, `token ${index + 1} `).text).join("");
      const texts = await Promise.all(reads);
      expect(texts.slice(1)).toEqual([
        { text: loggedStart(id).text + deltas, ended: true },
        { text: deltas, ended: true },
      ]);
      for (const follower of followers) follower?.close();
    });

    test("a follower that leaves is woken and freed; the answer goes on for the others", async () => {
      const { writer, reader, settle } = under();
      const id = newAnswerId();
      const log = writer.create(id, { onFollowerChange: () => undefined });
      log.append([loggedStart(id)]);
      await settle();
      const leaving = (await reader.follow(id, 0)) as AnswerFollower;
      const staying = (await reader.follow(id, 0)) as AnswerFollower;
      const waiting = leaving.read();
      leaving.close();
      expect(await waiting).toEqual({ text: "", ended: true });
      log.append([loggedDelta(1, "x")]);
      log.end();
      expect(await readAll(staying)).toEqual({ text: loggedDelta(1, "x").text, ended: true });
      staying.close();
    });

    test("an ended answer is forgotten after its TTL", async () => {
      const { writer, reader, settle, ttlMs } = under();
      const id = newAnswerId();
      const log = writer.create(id, { onFollowerChange: () => undefined });
      log.append([loggedStart(id)]);
      log.end();
      await settle();
      const follower = await reader.follow(id, -1);
      expect(follower).toBeDefined();
      follower?.close();
      await new Promise((resolve) => setTimeout(resolve, ttlMs + 200));
      expect(await reader.follow(id, -1)).toBeUndefined();
    });
  });
}
