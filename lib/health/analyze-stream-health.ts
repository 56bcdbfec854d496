import type { StreamHealthRecording, TimedMessage } from "@/lib/client/stream-health";
import { helloSchema, probeSchema, tickSchema, utf8Probe, type StreamHealthHello } from "@/lib/health/stream-health-plan";

export type CheckId = "response" | "compression" | "no_transform" | "buffering" | "heartbeats" | "stall" | "done" | "utf8";
export type CheckState = "pass" | "warn" | "fail";

export interface StreamHealthCheck {
  id: CheckId;
  state: CheckState;
  title: string;
  detail: string;
}

/** One tick: when the server sent it and when it reached the browser, both from the first tick. */
export interface TickTiming {
  sequence: number;
  sentMs: number;
  arrivedMs: number;
}

export interface StreamHealthReport {
  verdict: "healthy" | "buffered" | "broken";
  summary: string;
  checks: StreamHealthCheck[];
  ticks: TickTiming[];
}

/** Two ticks count as held back together when they arrive less than this share of their sending gap apart. */
const heldBackShare = 0.25;
/** A silence this much longer than the plan's longest gap is worth saying. */
const stallSlackMs = 1_000;

const ms = (value: number) => `${Math.round(value)} ms`;

function parsed<T>(message: TimedMessage | undefined, schema: { safeParse(value: unknown): { success: boolean; data?: T } }): T | undefined {
  if (!message) return undefined;
  try {
    const result = schema.safeParse(JSON.parse(message.data));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

function tickTimings(messages: readonly TimedMessage[]): TickTiming[] {
  const ticks = messages.flatMap((message) => {
    const tick = message.event === "tick" ? parsed(message, tickSchema) : undefined;
    return tick ? [{ sequence: tick.sequence, sent: tick.server_ms, arrived: message.atMs }] : [];
  });
  const first = ticks[0];
  if (!first) return [];
  return ticks.map((tick) => ({ sequence: tick.sequence, sentMs: tick.sent - first.sent, arrivedMs: tick.arrived - first.arrived }));
}

function bufferingCheck(ticks: readonly TickTiming[], compressed: boolean): StreamHealthCheck {
  const title = "Events arrive as they are sent";
  const pairs = ticks.slice(1).map((tick, index) => ({ sent: tick.sentMs - (ticks[index]?.sentMs ?? 0), arrived: tick.arrivedMs - (ticks[index]?.arrivedMs ?? 0) }));
  if (pairs.length === 0) return { id: "buffering", state: "fail", title, detail: "Fewer than two ticks arrived, so their timing could not be compared." };
  const held = pairs.filter((pair) => pair.arrived < pair.sent * heldBackShare).length;
  const sentSpan = ticks.at(-1)?.sentMs ?? 0;
  const arrivedSpan = ticks.at(-1)?.arrivedMs ?? 0;
  const gaps = pairs.map((pair) => pair.arrived);
  const seen = `${ticks.length} ticks sent over ${ms(sentSpan)} arrived over ${ms(arrivedSpan)}`;
  const cause = compressed ? " The response was compressed, and a compressor holds bytes back until it has enough." : "";
  if (held * 2 >= pairs.length) {
    return { id: "buffering", state: "fail", title, detail: `${seen}: held back and let go in ${pairs.length - held + 1} burst(s).${cause}` };
  }
  if (held > 0) return { id: "buffering", state: "warn", title, detail: `${seen}; ${held} of ${pairs.length} arrived together with the one before.${cause}` };
  return { id: "buffering", state: "pass", title, detail: `${seen}, ${ms(Math.min(...gaps))} to ${ms(Math.max(...gaps))} apart.` };
}

function heartbeatCheck(recording: StreamHealthRecording, hello: StreamHealthHello): StreamHealthCheck {
  const title = "Heartbeat comments pass through";
  const received = recording.comments.length;
  const detail = `${received} of ${hello.heartbeats} heartbeat comments arrived.`;
  if (received >= hello.heartbeats) return { id: "heartbeats", state: "pass", title, detail };
  return { id: "heartbeats", state: "fail", title, detail: `${detail} Something on the way rewrites the stream and drops comment lines, which keep quiet connections open.` };
}

function stallCheck(recording: StreamHealthRecording, hello: StreamHealthHello): StreamHealthCheck {
  const arrivals = [recording.headersMs, ...recording.chunks.map((chunk) => chunk.atMs)];
  const longest = Math.max(0, ...arrivals.slice(1).map((atMs, index) => atMs - (arrivals[index] ?? atMs)));
  const planned = hello.interval_ms / 2;
  const state = longest > planned + stallSlackMs ? "warn" : "pass";
  return { id: "stall", state, title: "No long silences", detail: `The longest silence was ${ms(longest)}; the server never paused longer than ${ms(planned)}.` };
}

function doneCheck(recording: StreamHealthRecording, tickCount: number, hello: StreamHealthHello): StreamHealthCheck {
  const title = "The stream ends with [DONE]";
  if (recording.messages.some((message) => message.data === "[DONE]")) return { id: "done", state: "pass", title, detail: "[DONE] arrived, then the stream closed." };
  const how = recording.broken ? `the connection broke (${recording.broken})` : "the stream closed";
  return { id: "done", state: "fail", title, detail: `After ${tickCount} of ${hello.ticks} ticks ${how} without [DONE]: something ended the response early.` };
}

function utf8Check(messages: readonly TimedMessage[]): StreamHealthCheck {
  const title = "UTF-8 arrives exact";
  const probe = parsed(messages.find((message) => message.event === "probe"), probeSchema);
  if (!probe) return { id: "utf8", state: "fail", title, detail: "The UTF-8 probe did not arrive." };
  if (probe.text === utf8Probe) return { id: "utf8", state: "pass", title, detail: `The probe “${utf8Probe}” arrived exact, though its bytes were cut mid-character.` };
  const expected = Array.from(utf8Probe);
  const received = Array.from(probe.text);
  const at = expected.findIndex((character, index) => received[index] !== character);
  const where = at < 0 ? expected.length : at;
  return {
    id: "utf8",
    state: "fail",
    title,
    detail: `The probe changed on the way, from character ${where + 1}: expected “${expected.slice(where, where + 6).join("")}”, got “${received.slice(where, where + 6).join("")}”.`,
  };
}

function responseCheck(recording: StreamHealthRecording): StreamHealthCheck {
  const title = "The response is an event stream";
  const type = recording.headers.contentType ?? "none";
  if (recording.status !== 200) return { id: "response", state: "fail", title, detail: `The server answered HTTP ${recording.status} instead of the stream.` };
  if (!type.startsWith("text/event-stream")) return { id: "response", state: "fail", title, detail: `Content-Type is ${type}, not text/event-stream: something replaced the response.` };
  return { id: "response", state: "pass", title, detail: `HTTP 200, ${type}, headers after ${ms(recording.headersMs)}.` };
}

function summaryOf(verdict: StreamHealthReport["verdict"], checks: readonly StreamHealthCheck[], ticks: readonly TickTiming[]): string {
  const failed = checks.filter((check) => check.state === "fail");
  if (verdict === "healthy") return `This deployment streams: each event reached the browser when the server sent it.`;
  if (verdict === "buffered") {
    const span = ticks.at(-1)?.sentMs ?? 0;
    return `Buffered: the server sent events over ${ms(span)}, but they reached the browser in bursts. A person would stare at nothing, then see the answer all at once.`;
  }
  return `The stream does not arrive intact: ${failed.map((check) => check.title.toLowerCase()).join("; ")} failed.`;
}

/** Judges a recording of `GET /api/health/stream`: what a person would see, and what is wrong on the way. */
export function analyzeStreamHealth(recording: StreamHealthRecording): StreamHealthReport {
  const response = responseCheck(recording);
  const hello = parsed(recording.messages.find((message) => message.event === "hello"), helloSchema);
  if (response.state === "fail" || !hello) {
    const checks = [hello ? response : { ...response, state: "fail" as const, detail: response.state === "fail" ? response.detail : "The stream did not start with the expected hello: this is not streamchat's health stream." }];
    return { verdict: "broken", summary: `The check could not run: ${checks[0]?.detail}`, checks, ticks: [] };
  }
  const ticks = tickTimings(recording.messages);
  const encoding = recording.headers.contentEncoding;
  const compressed = encoding !== null && encoding !== "identity";
  const buffering = bufferingCheck(ticks, compressed);
  const checks: StreamHealthCheck[] = [response];
  if (compressed) {
    checks.push({ id: "compression", state: buffering.state === "fail" ? "fail" : "warn", title: "Not compressed", detail: `The stream came with Content-Encoding: ${encoding}.` });
  }
  if (!recording.headers.cacheControl?.includes("no-transform")) {
    checks.push({ id: "no_transform", state: "warn", title: "Cache-Control keeps no-transform", detail: `Cache-Control is “${recording.headers.cacheControl ?? "none"}”: without no-transform, proxies may compress or rewrite the stream.` });
  }
  checks.push(buffering, heartbeatCheck(recording, hello));
  // A buffered stream is silent until its burst; saying so again as a stall would only repeat it.
  if (buffering.state !== "fail") checks.push(stallCheck(recording, hello));
  checks.push(doneCheck(recording, ticks.length, hello), utf8Check(recording.messages));
  const verdict = buffering.state === "fail" ? "buffered" : checks.some((check) => check.state === "fail") ? "broken" : "healthy";
  return { verdict, summary: summaryOf(verdict, checks, ticks), checks, ticks };
}
