import { memo, type ReactElement } from "react";
import Markdown, { type Options } from "react-markdown";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remend from "remend";
import { finishedComponents, growingComponents } from "@/components/markdown/markdown-components";
import { prepareFormulas } from "@/components/markdown/math-formula";
import { hasMathDelimiter, withDollarMath } from "@/lib/markdown/with-dollar-math";
import { countRender } from "@/lib/ui/render-counts";

// GFM (tables, task lists, strikethrough, autolinks), with "~" left alone:
// models write "~5 minutes" for "about", and a second "~" later in the
// paragraph would strike everything between. remark-breaks keeps a single
// newline a line break, as ChatGPT shows it: models write addresses, poems
// and "Step 1:\nStep 2:" that way and mean the lines to stay lines.
// remark-math reads formulas between double dollars only: its rule for single
// ones would make "$5 and $10" a formula. withDollarMath turns the delimiters
// models use (\( \), \[ \], and $…$ by Pandoc's stricter rule) into double ones.
const remarkPlugins: Options["remarkPlugins"] = [[remarkGfm, { singleTilde: false }], [remarkMath, { singleDollarTextMath: false }], remarkBreaks];

/**
 * The block being written ends where the model is: "The **discrimin" would
 * show a stray "*" and italics until the closing "**" arrives. remend
 * (Vercel's, what Streamdown runs for this) closes the marks left open at
 * the end (bold, italic, code, strikethrough), shows a link whose URL is
 * still coming as its text, and holds back an image or an HTML tag cut
 * short. Formulas are left to withDollarMath: a formula cut short is its
 * source, never completed and typeset half-written. Finished blocks are
 * parsed as written.
 */
const unfinishedMarks = { katex: false, inlineKatex: false } as const;

/**
 * Markdown to React elements. Raw HTML in the text is shown as text
 * (react-markdown turns it into text nodes unless told otherwise: no
 * rehype-raw here, ever), and URLs go through react-markdown's
 * defaultUrlTransform, which empties every scheme but http(s), mailto,
 * irc(s) and xmpp.
 */
export function parseBlock(text: string, finished: boolean, lastOfFinishedAnswer = false): ReactElement {
  // Every parse is counted: the tests and the benchmark read it, for all answers together.
  countRender("markdown-block");
  // react-markdown's Markdown is a plain function of its props (no hooks): called, it
  // gives the elements, which can be kept and handed to React again.
  // A formula begun: KaTeX is fetched while it is written, not once it has ended.
  if (hasMathDelimiter(text)) prepareFormulas();
  // The answer's end, still being written or cut short (Stop, a length limit): a formula begun there is its source.
  const withDollars = withDollarMath(text, !finished ? "growing" : lastOfFinishedAnswer ? "cut" : undefined);
  const source = finished ? withDollars : remend(withDollars, unfinishedMarks);
  return Markdown({ children: source, remarkPlugins, components: finished ? finishedComponents : growingComponents });
}

/**
 * One top-level block of an answer: its parsed elements, or, for a finished
 * block not parsed yet (too many arrived in one frame), its text as written
 * for a frame or two. Memoized: a finished block renders once it is parsed,
 * and never again while the answer grows.
 */
export const MarkdownBlock = memo(function MarkdownBlock({ text, parsed }: { text: string; parsed: ReactElement | undefined }) {
  return parsed ?? <p className="my-3 whitespace-pre-wrap first:mt-0 last:mb-0">{text}</p>;
});
