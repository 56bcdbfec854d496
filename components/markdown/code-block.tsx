"use client";

import type { Element } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { type ReactNode, startTransition, useEffect, useState } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { CopyButton } from "@/components/chat/copy-button";
import { useHighlighter } from "@/components/markdown/use-highlighter";
import { runInSlices } from "@/lib/ui/run-in-slices";
import "@/components/markdown/code-highlight.css";

/**
 * A fenced code block: its language, a "Copy code" button, and the code,
 * highlighted once the block is finished (a block still being written stays
 * plain: highlighting it again on every token would cost a frame, and the
 * colours would flicker as a string or comment opens and closes).
 *
 * Highlighting runs after the block is on screen, a few blocks per task
 * (runInSlices), and renders as a transition (React yields while it builds
 * the token spans): a long answer whose blocks all come at once (a fast
 * stream, a reload, the highlighter arriving) is coloured over a few frames
 * instead of in one long task.
 */
export function CodeBlock({ code, language, finished }: { code: string; language: string | undefined; finished: boolean }) {
  const highlight = useHighlighter(finished);
  const [highlighting, setHighlighting] = useState<{ code: string; language: string | undefined; element: ReactNode }>();
  useEffect(() => {
    if (!finished || !highlight) return;
    return runInSlices(() => {
      const tree = highlight(code, language);
      // hast to React elements: the token spans are built as elements, never parsed from HTML.
      const element = tree && toJsxRuntime(tree, { Fragment, jsx, jsxs, passKeys: true });
      startTransition(() => setHighlighting({ code, language, element }));
    });
  }, [finished, highlight, code, language]);
  const highlighted = finished && highlighting?.code === code && highlighting.language === language ? highlighting.element : undefined;
  return (
    <div className="markdown-code my-4 overflow-hidden rounded-lg border first:mt-0 last:mb-0">
      <div className="markdown-code-header flex items-center justify-between gap-2 py-1 pr-1 pl-3 text-xs">
        <span className="truncate font-mono">{language ?? "text"}</span>
        <CopyButton
          text={code}
          label="Copy code"
          className="shrink-0 rounded px-2 py-1 hover:bg-slate-300/50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-600/50"
        />
      </div>
      <pre className="overflow-x-auto p-4 text-[0.8125rem] leading-6">
        <code className="font-mono" data-language={language} data-highlighted={highlighted ? "" : undefined}>
          {highlighted ?? code}
        </code>
      </pre>
    </div>
  );
}

/** The code and language of a `pre` element as remark made it: `<pre><code class="language-ts">text\n</code></pre>`. */
export function codeOf(pre: Element | undefined): { code: string; language: string | undefined } {
  const code = pre?.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
  const classNames = code?.properties.className;
  const languageClass = Array.isArray(classNames) ? classNames.map(String).find((name) => name.startsWith("language-")) : undefined;
  const text = code?.children.map((child) => (child.type === "text" ? child.value : "")).join("") ?? "";
  // remark adds one line feed after the code; the copy is the code as written between the fences.
  return { code: text.endsWith("\n") ? text.slice(0, -1) : text, language: languageClass?.slice("language-".length) };
}
