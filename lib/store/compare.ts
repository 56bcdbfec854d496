import { createStore } from "zustand/vanilla";
import type { ChatEvent } from "@/lib/chat/events";
import type { ChatRequestInput } from "@/lib/chat/schema";
import { ChatClientError } from "@/lib/client/chat-client-error";
import type { ChatClientOptions, CompleteAnswer } from "@/lib/client/chat-stream";
import { laneMetrics, type LaneName } from "@/lib/compare/lane-metrics";
import { createThinkingSplitter, type ThinkingParts } from "@/lib/chat/thinking-splitter";
import { emptyLane, withPending, type CompareLane, type CompareState, type LaneEnd, type PendingLane, type RunResult } from "@/lib/store/compare-lanes";

export type { CompareLane, CompareState, LaneStatus, RunResult } from "@/lib/store/compare-lanes";

export interface CompareStoreDependencies {
  streamChat(request: ChatRequestInput, options: ChatClientOptions): AsyncIterable<ChatEvent>;
  completeChat(request: ChatRequestInput, options: ChatClientOptions): Promise<CompleteAnswer>;
  /** Runs the callback before the next paint (`requestAnimationFrame` in the browser). */
  scheduleFrame(callback: () => void): void;
  now(): number;
}

export const laneNames: readonly LaneName[] = ["streaming", "nonStreaming"];

function errorOf(caught: unknown): CompareLane["error"] {
  if (caught instanceof ChatClientError) return { code: caught.code, message: caught.message };
  return { code: "internal", message: "Something went wrong in the page. Try again." };
}

/**
 * The side-by-side demo: one prompt sent twice at once, streamed and not, and
 * timed as a person sees it. Text is put on screen once per animation frame
 * and each frame's moment is recorded, so "first token" means the first
 * characters on screen, not the first bytes on the wire (those are kept as
 * `arrivals`). Both lanes are timed the same way. Network code is passed in.
 */
export function createCompareStore(dependencies: CompareStoreDependencies) {
  let controller: AbortController | undefined;
  let startedAt = 0;
  let frameScheduled = false;
  const nothingPending = (): PendingLane => ({ pieces: [], reasoning: [], arrivals: [] });
  const pending: Record<LaneName, PendingLane> = { streaming: nothingPending(), nonStreaming: nothingPending() };
  const since = () => dependencies.now() - startedAt;

  return createStore<CompareState>()((set, get) => {
    /** Puts everything that arrived since the last frame on screen, in one `set`. */
    function applyPending(): void {
      const atMs = since();
      const applied = laneNames.map((name) => pending[name]);
      for (const name of laneNames) pending[name] = nothingPending();
      set((state) => ({
        elapsedMs: atMs,
        lanes: { streaming: withPending(state.lanes.streaming, applied[0] as PendingLane, atMs), nonStreaming: withPending(state.lanes.nonStreaming, applied[1] as PendingLane, atMs) },
      }));
      for (const waiting of applied) waiting.onApplied?.();
    }

    function frame(): void {
      frameScheduled = false;
      if (get().phase !== "running") return;
      applyPending();
      scheduleFrame();
    }

    function scheduleFrame(): void {
      if (frameScheduled) return;
      frameScheduled = true;
      dependencies.scheduleFrame(frame);
    }

    /** A finished lane shows its last text at the next frame; a stopped or failed one at once (frames may not come). */
    function endLane(name: LaneName, end: LaneEnd): Promise<void> {
      pending[name].end = end;
      if (end.status !== "done") {
        applyPending();
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        pending[name].onApplied = resolve;
        scheduleFrame();
      });
    }

    function failure(name: LaneName, caught: unknown, signal: AbortSignal): Promise<void> {
      return endLane(name, signal.aborted ? { status: "stopped" } : { status: "error", error: errorOf(caught) });
    }

    async function streamLane(request: ChatRequestInput, signal: AbortSignal): Promise<void> {
      let tokens: number | undefined;
      let deltas = 0;
      // Reasoning written into the answer between <think> tags goes where reasoning sent apart goes.
      const splitter = createThinkingSplitter();
      const take = ({ reasoning, answer }: ThinkingParts) => {
        if (reasoning !== "") pending.streaming.reasoning.push(reasoning);
        if (answer === "") return;
        pending.streaming.pieces.push(answer);
        pending.streaming.arrivals.push(since());
      };
      try {
        for await (const event of dependencies.streamChat(request, { signal })) {
          if (event.type === "delta") {
            take(splitter.push(event.content));
            deltas += 1;
          } else if (event.type === "reasoning") pending.streaming.reasoning.push(event.content);
          else if (event.type === "usage") tokens = event.completion_tokens;
          else if (event.type === "error") throw new ChatClientError(event.code, event.message, { retryable: event.retryable });
        }
        take(splitter.end());
        // Without usage (some compatible servers), one delta is about one token.
        await endLane("streaming", { status: "done", tokens: tokens ?? deltas });
      } catch (caught) {
        await failure("streaming", caught, signal);
      }
    }

    async function wholeLane(request: ChatRequestInput, signal: AbortSignal): Promise<void> {
      try {
        const answer = await dependencies.completeChat(request, { signal });
        const splitter = createThinkingSplitter();
        const [whole, held] = [splitter.push(answer.content), splitter.end()];
        pending.nonStreaming.pieces.push(whole.answer + held.answer);
        const reasoning = (answer.reasoning ?? "") + whole.reasoning + held.reasoning;
        if (reasoning) pending.nonStreaming.reasoning.push(reasoning);
        await endLane("nonStreaming", { status: "done", tokens: answer.usage?.completion_tokens });
      } catch (caught) {
        await failure("nonStreaming", caught, signal);
      }
    }

    function resultOf(lanes: CompareState["lanes"]): RunResult {
      return {
        streaming: laneMetrics(lanes.streaming.screen, { streamed: true, tokens: lanes.streaming.tokens, reasoningFirstMs: lanes.streaming.reasoningFirstMs }),
        nonStreaming: laneMetrics(lanes.nonStreaming.screen, { streamed: false, tokens: lanes.nonStreaming.tokens, reasoningFirstMs: lanes.nonStreaming.reasoningFirstMs }),
      };
    }

    return {
      phase: "idle",
      runNumber: 0,
      runCount: 0,
      elapsedMs: 0,
      lanes: { streaming: emptyLane(), nonStreaming: emptyLane() },
      results: [],

      async run({ prompt, model, runs }) {
        if (get().phase === "running" || prompt.trim() === "") return;
        const abort = new AbortController();
        controller = abort;
        const request: ChatRequestInput = { messages: [{ role: "user", content: prompt }], ...(model ? { model } : {}) };
        set({ phase: "running", runCount: runs, runNumber: 0, results: [] });
        let phase: CompareState["phase"] = "finished";
        for (let runNumber = 1; runNumber <= runs; runNumber += 1) {
          startedAt = dependencies.now();
          set({ runNumber, elapsedMs: 0, lanes: { streaming: emptyLane(), nonStreaming: emptyLane() } });
          scheduleFrame();
          // The same prompt, twice, at the same moment.
          await Promise.all([streamLane(request, abort.signal), wholeLane(request, abort.signal)]);
          const { lanes } = get();
          if (abort.signal.aborted) phase = "stopped";
          else if (laneNames.some((name) => lanes[name].status === "error")) phase = "failed";
          else set((state) => ({ results: [...state.results, resultOf(lanes)] }));
          if (phase !== "finished") break;
        }
        set({ phase });
      },

      stop() {
        controller?.abort();
        // A lane that had finished may still wait for a frame that a hidden tab never paints.
        if (get().phase === "running") applyPending();
      },
    };
  });
}

export type CompareStore = ReturnType<typeof createCompareStore>;
