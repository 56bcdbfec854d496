import type { ModelOption } from "@/lib/providers/provider";

export interface DemoPacing {
  /** Wait before the first token, like a model reading the prompt. */
  firstTokenMs: number;
  tokensPerSecond: number;
  /** A reasoning model's: it reasons from this moment until `firstTokenMs` (its reasoning spread evenly), then answers. */
  reasoningFromMs?: number;
}

interface DemoModel extends ModelOption {
  pacing: DemoPacing;
}

/** The demo's models: one default and presets that imitate real models' pacing. */
export const demoModels: readonly DemoModel[] = [
  { id: "demo", label: "Demo model (offline)", pacing: { firstTokenMs: 400, tokensPerSecond: 40 } },
  { id: "demo-fast", label: "Demo: fast small model", pacing: { firstTokenMs: 150, tokensPerSecond: 120 } },
  { id: "demo-slow", label: "Demo: slow large model", pacing: { firstTokenMs: 900, tokensPerSecond: 15 } },
  { id: "demo-reasoning", label: "Demo: reasoning model", pacing: { firstTokenMs: 4_000, tokensPerSecond: 60, reasoningFromMs: 500 } },
];

/** The pacing of a demo model; `defaultPacing` replaces the default model's (set from the environment). */
export function demoPacingFor(modelId: string | undefined, defaultPacing?: DemoPacing): DemoPacing {
  const model = demoModels.find((candidate) => candidate.id === modelId) ?? demoModels[0];
  if (model === demoModels[0] && defaultPacing) return defaultPacing;
  return (model as DemoModel).pacing;
}
