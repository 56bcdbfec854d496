"use client";

import { useState, type FormEvent } from "react";
import { useCompareActions, useCompareStore } from "@/components/compare/compare-store-provider";
import { ModelOptions } from "@/components/chat/model-options";
import { useFetchedModels } from "@/components/compare/use-fetched-models";
import { submitOnEnter } from "@/components/compare/submit-on-enter";
import { demoModels } from "@/lib/providers/demo/demo-pacing";

const fieldClass =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
const runChoices = [1, 3, 5, 10];

/** What the chosen demo preset imitates: its wait before the first token and its speed. */
function DemoPacingNote({ model }: { model: string }) {
  const preset = model === "" || model === demoModels[0]?.id ? undefined : demoModels.find((candidate) => candidate.id === model);
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400">
      The offline demo model answers. Its presets pace it like real models: a fast small one, a slow large one, and a reasoning model that reasons for
      seconds before its first token (streamed, its reasoning shows as it is written).
      {preset &&
        ` ${preset.label}: ${preset.pacing.reasoningFromMs === undefined ? "" : `reasoning from ${(preset.pacing.reasoningFromMs / 1000).toFixed(1)} s, `}first token after about ${(preset.pacing.firstTokenMs / 1000).toFixed(1)} s, then ${preset.pacing.tokensPerSecond} tokens a second.`}
    </p>
  );
}

/** The prompt, the model (the demo's pacing presets, or a real key's models), how many runs, and Run or Stop. */
export function CompareForm() {
  const [prompt, setPrompt] = useState("What is streaming?");
  const [model, setModel] = useState("");
  const [runs, setRuns] = useState(1);
  const running = useCompareStore((state) => state.phase === "running");
  const runNumber = useCompareStore((state) => state.runNumber);
  const runCount = useCompareStore((state) => state.runCount);
  const phase = useCompareStore((state) => state.phase);
  const { run, stop } = useCompareActions();
  const models = useFetchedModels();

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!running && prompt.trim() !== "") void run({ prompt, model: model || undefined, runs });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3 rounded-2xl border border-slate-200 p-4 dark:border-slate-800">
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 dark:text-slate-300">
        Prompt
        <textarea
          aria-label="Prompt"
          rows={2}
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
          onKeyDown={submitOnEnter(submit)}
          className={`${fieldClass} field-sizing-content max-h-40 min-h-12 resize-none font-normal`}
        />
      </label>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex w-full flex-col gap-1 text-sm font-medium text-slate-700 sm:w-auto dark:text-slate-300">
          Model
          <select aria-label="Model" value={model} onChange={(event) => setModel(event.target.value)} disabled={running} className={`${fieldClass} w-full sm:w-64`}>
            <ModelOptions models={models} />
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700 dark:text-slate-300">
          Runs
          <select aria-label="Runs" value={runs} onChange={(event) => setRuns(Number(event.target.value))} disabled={running} className={fieldClass}>
            {runChoices.map((choice) => (
              <option key={choice} value={choice}>
                {choice === 1 ? "1 run" : `${choice} runs`}
              </option>
            ))}
          </select>
        </label>
        {/* Keys make Stop and Run two elements: Stop ends the run within its own click, and the same
            element turned into a submit button before the click's default action would start a new run. */}
        {running ? (
          <button
            key="stop"
            type="button"
            onClick={stop}
            className="rounded-xl bg-slate-800 px-5 py-2 font-medium text-white hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white"
          >
            Stop
          </button>
        ) : (
          <button
            key="run"
            type="submit"
            disabled={prompt.trim() === ""}
            className="rounded-xl bg-blue-600 px-5 py-2 font-medium text-white hover:bg-blue-700 disabled:cursor-not-allowed disabled:opacity-40 forced-colors:border"
          >
            Run
          </button>
        )}
        {runCount > 1 && (
          <p role="status" className="pb-2 text-sm text-slate-600 dark:text-slate-400">
            {phase === "finished" ? `${runCount} runs done` : `Run ${runNumber} of ${runCount}${phase === "running" ? "" : `, ${phase}`}`}
          </p>
        )}
      </div>
      {models?.provider === "demo" && <DemoPacingNote model={model} />}
    </form>
  );
}
