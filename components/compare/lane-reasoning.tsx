import { Suspense } from "react";
import { LazyMarkdownMessage } from "@/components/markdown/lazy-markdown-message";

/**
 * A reasoning model's reasoning in a lane, rendered as the answer is: open
 * while there is no answer yet (the streamed lane shows the model
 * thinking; the other cannot), folded once the answer is there, so the
 * answer has the lane's room. A reader's own toggle stands until the
 * answer begins. `writing`: the lane's answer is still coming.
 */
export function LaneReasoning({ reasoning, answered, writing }: { reasoning: string; answered: boolean; writing: boolean }) {
  return (
    <details data-part="reasoning" open={!answered} className="mb-2 text-xs text-slate-600 dark:text-slate-400">
      <summary className="w-fit cursor-pointer">Reasoning</summary>
      <div data-part="reasoning-text" className="mt-1 border-l-2 border-slate-300 pl-3 leading-5 dark:border-slate-600">
        <Suspense fallback={<span className="whitespace-pre-wrap">{reasoning}</span>}>
          <LazyMarkdownMessage text={reasoning} streaming={writing && !answered} />
        </Suspense>
      </div>
    </details>
  );
}
