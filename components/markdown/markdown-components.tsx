import type { ComponentProps, ElementType, JSX } from "react";
import type { Components, ExtraProps } from "react-markdown";
import { CodeBlock, codeOf } from "@/components/markdown/code-block";
import { MarkdownImage, MarkdownLink } from "@/components/markdown/markdown-link";
import { MathFormula } from "@/components/markdown/math-formula";
import { cn } from "@/lib/ui/cn";

/** An element with our classes added to remark's own (task-list-item, footnotes), and without react-markdown's `node`. */
function styled<Tag extends keyof JSX.IntrinsicElements>(Tag: Tag, classes: string) {
  return function Styled({ node: _node, className, ...props }: ComponentProps<Tag> & ExtraProps) {
    const Element = Tag as ElementType;
    return <Element className={cn(classes, className)} {...props} />;
  };
}

// Prose styles for answers, as plain Tailwind classes per element (the
// typography plugin would need an @plugin line in globals.css and styles
// code blocks and inline code its own way). Blocks render as siblings in one
// container, so first:/last: take the outer margins off.
const prose: Components = {
  h1: styled("h1", "mt-6 mb-3 text-2xl font-semibold first:mt-0"),
  h2: styled("h2", "mt-6 mb-3 text-xl font-semibold first:mt-0"),
  h3: styled("h3", "mt-5 mb-2 text-lg font-semibold first:mt-0"),
  h4: styled("h4", "mt-4 mb-2 font-semibold first:mt-0"),
  h5: styled("h5", "mt-4 mb-2 font-semibold first:mt-0"),
  h6: styled("h6", "mt-4 mb-2 font-semibold text-slate-600 first:mt-0 dark:text-slate-400"),
  p: styled("p", "my-3 first:mt-0 last:mb-0"),
  // remark-gfm marks task lists (contains-task-list): their checkboxes stand for the bullets.
  ul: styled("ul", "my-3 list-disc space-y-1 pl-6 first:mt-0 last:mb-0 [li_&]:my-1 [&.contains-task-list]:list-none [&.contains-task-list]:pl-1"),
  ol: styled("ol", "my-3 list-decimal space-y-1 pl-6 first:mt-0 last:mb-0 [li_&]:my-1"),
  li: styled("li", "pl-1 marker:text-slate-500 [&>p]:my-1"),
  input: styled("input", "mr-2 align-middle"),
  blockquote: styled("blockquote", "my-3 border-l-4 border-slate-300 pl-4 text-slate-700 first:mt-0 last:mb-0 dark:border-slate-600 dark:text-slate-300"),
  hr: styled("hr", "my-6 border-slate-200 dark:border-slate-700"),
  // A wide table scrolls on its own (on a phone) instead of widening the page.
  table: ({ node: _node, ...props }) => (
    <div className="my-4 max-w-full overflow-x-auto first:mt-0 last:mb-0">
      <table className="min-w-full border-collapse text-left text-sm" {...props} />
    </div>
  ),
  th: styled("th", "border-b border-slate-300 px-3 py-2 font-semibold whitespace-nowrap dark:border-slate-600"),
  td: styled("td", "border-b border-slate-200 px-3 py-2 align-top dark:border-slate-700"),
  code: InlineCode,
  section: styled("section", "mt-6 border-t border-slate-200 pt-3 text-sm dark:border-slate-700"),
  a: MarkdownLink,
  img: MarkdownImage,
};

const Code = styled("code", "rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.875em] dark:bg-slate-800");

/** Code in a line, or a formula in a line (remark-math's `code.math-inline`: its end has come, so it is typeset at once). */
function InlineCode(props: ComponentProps<"code"> & ExtraProps) {
  if (props.className?.includes("math-inline")) return <MathFormula tex={String(props.children)} display={false} typeset />;
  return <Code {...props} />;
}

/** A fenced code block, or a displayed formula (remark-math's `pre > code.language-math`). */
function Pre({ node, finished }: { node: ExtraProps["node"]; finished: boolean }) {
  const { code, language } = codeOf(node);
  if (language === "math") return <MathFormula tex={code} display typeset={finished} />;
  return <CodeBlock code={code} language={language} finished={finished} />;
}

function FinishedPre({ node }: ComponentProps<"pre"> & ExtraProps) {
  return <Pre node={node} finished />;
}

function GrowingPre({ node }: ComponentProps<"pre"> & ExtraProps) {
  return <Pre node={node} finished={false} />;
}

/** For a block no more text can change: its code blocks are highlighted. */
export const finishedComponents: Components = { ...prose, pre: FinishedPre };
/** For the block still being written: its code stays plain, and a displayed formula its source, until it is finished. */
export const growingComponents: Components = { ...prose, pre: GrowingPre };
