"use client";

import { useEffect, useRef, useState } from "react";
import { StreamHealthResult } from "@/components/compare/stream-health-result";
import { recordStreamHealth } from "@/lib/client/stream-health";
import { analyzeStreamHealth, type StreamHealthReport } from "@/lib/health/analyze-stream-health";
import { streamHealthPlan } from "@/lib/health/stream-health-plan";

type CheckState = { phase: "idle" } | { phase: "checking"; ticks: number } | { phase: "done"; report: StreamHealthReport } | { phase: "failed"; message: string };

/**
 * Asks `GET /api/health/stream` for timed ticks and judges, from this
 * browser's side, whether the deployment really streams. Local state: one
 * check at a time, a few updates each; nothing else on the page needs it.
 */
export function StreamHealthPanel() {
  const [state, setState] = useState<CheckState>({ phase: "idle" });
  const abortRef = useRef<AbortController | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);

  async function check() {
    abortRef.current?.abort();
    const abort = new AbortController();
    abortRef.current = abort;
    setState({ phase: "checking", ticks: 0 });
    try {
      const recording = await recordStreamHealth({
        signal: abort.signal,
        onMessage: (message) => {
          if (message.event === "tick") setState((current) => (current.phase === "checking" ? { phase: "checking", ticks: current.ticks + 1 } : current));
        },
      });
      setState({ phase: "done", report: analyzeStreamHealth(recording) });
    } catch {
      if (!abort.signal.aborted) setState({ phase: "failed", message: "Could not reach /api/health/stream. Check the connection and try again." });
    }
  }

  const seconds = ((streamHealthPlan.intervalMs * streamHealthPlan.ticks) / 1000).toFixed(0);
  return (
    <section aria-label="Stream health" className="flex flex-col gap-3 rounded-2xl border border-slate-200 p-4 dark:border-slate-800">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-2xl">
          <h2 className="font-semibold text-slate-900 dark:text-slate-100">Does this deployment really stream?</h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            A proxy, a CDN or compression can hold a stream back and let it go all at once. This check asks the server for {streamHealthPlan.ticks} ticks{" "}
            {streamHealthPlan.intervalMs} ms apart (about {seconds} s), with heartbeats and a UTF-8 probe, and watches from this browser when and how they
            arrive.
          </p>
        </div>
        <button
          type="button"
          onClick={() => void check()}
          disabled={state.phase === "checking"}
          className="rounded-xl bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700 disabled:cursor-wait disabled:opacity-60 forced-colors:border"
        >
          Check stream health
        </button>
      </div>
      {state.phase === "checking" && (
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          Listening… {state.ticks} of {streamHealthPlan.ticks} ticks so far.
        </p>
      )}
      {state.phase === "failed" && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {state.message}
        </p>
      )}
      {state.phase === "done" && <StreamHealthResult report={state.report} />}
    </section>
  );
}
