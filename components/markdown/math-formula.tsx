"use client";

import { memo, useEffect, useLayoutEffect, useRef, useSyncExternalStore } from "react";
import { lazyModule } from "@/lib/markdown/lazy-module";
import { runInSlices } from "@/lib/ui/run-in-slices";

const typesetter = lazyModule(() => import("@/components/markdown/typeset-math").then((module) => module.typesetMath));
const notOnTheServer = () => undefined;
let prepared = false;

/**
 * Starts fetching KaTeX, once: called when the text being parsed has a
 * formula's delimiter, so that KaTeX is here by the formula's end. (A
 * formula shown asks again if this fetch failed.)
 */
export function prepareFormulas(): void {
  if (prepared) return;
  prepared = true;
  void typesetter.load();
}

// The source, until it is typeset, in the code font; a displayed formula on a line of its own, scrolling
// sideways on its own when it is wider than the answer (on a phone) instead of widening the page.
const sourceClasses = "data-[state=source]:font-mono data-[state=source]:text-[0.875em] data-[state=source]:text-slate-600 dark:data-[state=source]:text-slate-400";
const inlineClasses = `math-formula ${sourceClasses}`;
const displayClasses = `math-formula my-3 block overflow-x-auto overflow-y-hidden first:mt-0 last:mb-0 data-[state=source]:whitespace-pre-wrap ${sourceClasses}`;

/**
 * A formula of an answer. React renders an empty element and never its
 * children: the formula's source is put in at once, and KaTeX's output
 * replaces it once KaTeX has loaded (see prepareFormulas), a few
 * formulas per task (runInSlices), so a long answer's formulas, or all of
 * a conversation's when KaTeX arrives, are typeset over several frames
 * instead of in one long task. `typeset` false (a display formula still
 * being written, whose end has not come) keeps the source.
 */
export const MathFormula = memo(function MathFormula({ tex, display, typeset }: { tex: string; display: boolean; typeset: boolean }) {
  const typesetMath = useSyncExternalStore(typesetter.subscribe, typesetter.loaded, notOnTheServer);
  const element = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (typeset && !typesetMath) void typesetter.load();
  }, [typeset, typesetMath]);
  useLayoutEffect(() => {
    const target = element.current;
    if (!target) return;
    target.textContent = tex;
    target.dataset.state = "source";
    if (!typeset || !typesetMath) return;
    return runInSlices(() => {
      typesetMath(tex, display, target);
      target.dataset.state = "typeset";
    });
  }, [tex, display, typeset, typesetMath]);
  return <span ref={element} className={display ? displayClasses : inlineClasses} data-tex={tex} />;
});
