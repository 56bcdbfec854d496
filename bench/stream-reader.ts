import http from "node:http";
import { monotonicMicros, parseStampedToken } from "../mock/stamped-token";
import type { StreamSpan } from "./steady-window";

/** Where one stream is read from, and the body that asks for it. */
export interface StreamTarget {
  url: URL;
  body: string;
  /** The format says how the answer ended (`finish_reason`) before `[DONE]`: the mock's and the protocol's do, the naive one's does not. */
  endsWithFinish: boolean;
}

/** What one stream showed its reader. Times are microseconds on the shared monotonic clock. */
export interface StreamReading extends StreamSpan {
  /** The stream was exactly the tokens 0..N-1 of its own tag, one per delta, in order, then a normal end. */
  exact: boolean;
  /** Why it was not exact. */
  problem?: string;
  /** The connection was reset or refused. */
  reset: boolean;
  status: number;
  /** Request written -> first token arrived. */
  timeToFirstTokenMicros?: number;
  /** Per token, in order: arrival at this reader - the mock's send stamp. */
  lagMicros: number[];
  /** Per token, in order: arrival at this reader (to count the tokens inside a time window). */
  arrivedAtMicros: number[];
}

/**
 * Reads one SSE stream with a raw HTTP client, as the relay writes it: the
 * mock's own chunks (the floor), the naive baseline's `data:` lines, or the
 * protocol's events. Each `data` chunk is stamped on arrival once, and every
 * token in it is paired with its own send stamp, so the lag is exact per
 * request and token.
 */
export function readStream(target: StreamTarget, tag: string, expectedTokens: number, agent: http.Agent): Promise<StreamReading> {
  return new Promise((resolve) => {
    const startedAt = monotonicMicros();
    const reading: StreamReading = { exact: false, reset: false, status: 0, lagMicros: [], arrivedAtMicros: [], startedAtMicros: startedAt, endedAtMicros: startedAt };
    let pending = "";
    let nextIndex = 0;
    let done = false;
    let finished = false;
    let settled = false;
    const fail = (problem: string) => {
      reading.problem ??= problem;
    };
    const settle = () => {
      if (settled) return;
      settled = true;
      reading.endedAtMicros = monotonicMicros();
      if (!done) fail("no [DONE]");
      if (nextIndex !== expectedTokens) fail(`${nextIndex} of ${expectedTokens} tokens`);
      reading.exact = reading.problem === undefined;
      resolve(reading);
    };

    function onEvent(block: string, arrivedAt: number): void {
      let eventName = "message";
      let data: string | undefined;
      for (const line of block.split("\n")) {
        if (line.startsWith("data: ")) data = data === undefined ? line.slice(6) : `${data}\n${line.slice(6)}`;
        else if (line.startsWith("event: ")) eventName = line.slice(7);
      }
      if (data === undefined) return; // a comment (`: ping`) or an id alone
      if (data === "[DONE]") {
        done = true;
        if (!finished && target.endsWithFinish) fail("no finish_reason");
        return;
      }
      if (done) return fail("data after [DONE]");
      const parsed = JSON.parse(data) as { content?: string; finish_reason?: string; code?: string; choices?: Array<{ delta?: { content?: string }; finish_reason?: string | null }> };
      if (eventName === "error") return fail(`error event ${parsed.code}`);
      const choice = parsed.choices?.[0];
      const finishReason = parsed.finish_reason ?? choice?.finish_reason;
      if (finishReason) {
        finished = true;
        if (finishReason !== "stop") fail(`finish_reason ${finishReason}`);
      }
      const content = parsed.content ?? choice?.delta?.content;
      if (!content) return;
      const stamp = parseStampedToken(content);
      if (!stamp || stamp.tag !== tag || stamp.index !== nextIndex) return fail(`token ${nextIndex} was ${JSON.stringify(content)}`);
      if (nextIndex === 0) reading.timeToFirstTokenMicros = arrivedAt - startedAt;
      reading.lagMicros.push(arrivedAt - stamp.sentAtMicros);
      reading.arrivedAtMicros.push(arrivedAt);
      nextIndex += 1;
    }

    const request = http.request(target.url, { method: "POST", agent, headers: { "Content-Type": "application/json" } }, (response) => {
      reading.status = response.statusCode ?? 0;
      if (reading.status !== 200) fail(`status ${reading.status}`);
      response.setEncoding("utf8"); // keeps characters cut between chunks whole
      response.on("data", (chunk: string) => {
        const arrivedAt = monotonicMicros();
        pending += chunk;
        let end = pending.indexOf("\n\n");
        while (end !== -1) {
          onEvent(pending.slice(0, end), arrivedAt);
          pending = pending.slice(end + 2);
          end = pending.indexOf("\n\n");
        }
      });
      response.on("end", settle);
      response.on("error", (error) => {
        reading.reset = true;
        fail(`response ${error.message}`);
        settle();
      });
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      reading.reset = true;
      fail(`request ${error.code ?? error.message}`);
      settle();
    });
    request.end(target.body);
  });
}
