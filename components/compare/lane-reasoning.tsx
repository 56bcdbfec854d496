/**
 * A reasoning model's reasoning in a lane: open while there is no answer
 * yet (the streamed lane shows the model thinking; the other cannot), folded
 * once the answer is there, so the answer has the lane's room. A reader's
 * own toggle stands until the answer begins.
 */
export function LaneReasoning({ reasoning, answered }: { reasoning: string; answered: boolean }) {
  return (
    <details data-part="reasoning" open={!answered} className="mb-2 text-xs text-slate-600 dark:text-slate-400">
      <summary className="w-fit cursor-pointer">Reasoning</summary>
      <div className="mt-1 whitespace-pre-wrap border-l-2 border-slate-300 pl-3 leading-5 dark:border-slate-600">{reasoning}</div>
    </details>
  );
}
