"use client";

import { memo, type ReactElement, type RefObject, useEffect, useMemo, useRef, useState } from "react";
import { MarkdownBlock, parseBlock } from "@/components/markdown/markdown-block";
import { useNearView } from "@/components/markdown/use-near-view";
import { createBlockSplitter } from "@/lib/markdown/create-block-splitter";
import { loadHighlighter } from "@/lib/markdown/highlighter-loader";
import { taskDeadline } from "@/lib/ui/task-deadline";
import { whenIdle } from "@/lib/ui/when-idle";

// A link reference definition or a footnote (`[id]: url`, `[^1]: note`)
// serves the whole text, not one block: such (rare) answers render whole.
const definitionLine = /^ {0,3}\[\^?[^\]\n]+\]:/m;


// The first parse compiles the parser (micromark's functions and Unicode
// regular expressions): hundreds of milliseconds on a slow or busy machine.
// Done once while the page is idle, it is not paid by the first answer's
// first frame, and the answer grows smoothly from its first token.
//
// The highlighter too (a chunk of its own, not first-load JS): loaded by the
// first finished code block, that is the end of an answer that comes faster
// than it is formatted, and its fetch, run and grammars (some 50 ms) came
// between the answer's last text and its paint; on a self-hosted server its
// fetch also waits behind the answer's own stream.
if (typeof window !== "undefined" && "requestIdleCallback" in window) {
  requestIdleCallback(() => parseBlock("# Warm-up\n\n*One* **two** `three` ~~four~~ [five](https://example.com) www.example.com\nsix\n\n- [x] seven\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n", true));
  requestIdleCallback(() => void loadHighlighter());
}

/** A finished answer longer than this waits for its first look at the view before it is formatted. */
const farFromViewCharacters = 4_000;

/** More new characters than this in one render is a burst: far more than a model writes in a frame (some 10 at 50 tokens a second). */
const burstCharacters = 400;
/** How long after a burst parsing waits for the text to settle. */
const burstSettleMs = 100;
/**
 * While a burst lasts, the answer on screen changes at most this often. Each
 * change costs a commit, style, layout and paint of new text, and while text
 * comes faster than that, those frames take the main thread from reading the
 * stream: it falls further behind, and the answer ends later.
 */
const burstShowEveryMs = 100;

/**
 * An answer rendered as markdown while it streams, cut into top-level blocks. Each longer text re-lexes only the
 * tail, every block but the last is finished, parsed once and kept, so a
 * render parses only the block being written, not the whole answer again.
 *
 * When many finished blocks come at once (a fast stream, a reload, an
 * answer that was not streamed), a render parses them for at most
 * `parseBudgetMs` (shared by every answer rendered in that task) and shows
 * the others as plain text, parsed in the next frames: the text is on screen
 * at once, and no frame becomes a long task. A finished answer that waits to
 * be formatted and is far from view (`viewRef`, when given) waits for idle
 * time instead, so that the answers in view are formatted first.
 */
export const MarkdownMessage = memo(function MarkdownMessage({
  text,
  streaming,
  parseBudgetMs = 8,
  viewRef,
}: {
  text: string;
  streaming: boolean;
  /** How long a render may parse new finished blocks; the rest follow in the next frames. */
  parseBudgetMs?: number;
  /** The element the answer is shown in, to tell whether it is near view. */
  viewRef?: RefObject<HTMLElement | null>;
}) {
  const [splitter] = useState(createBlockSplitter);
  const [parsedBlocks] = useState(() => new Map<string, ReactElement>());
  const [growing] = useState((): { text?: string; parsed?: ReactElement } => ({}));
  const [, setCatchUp] = useState(0);
  // A long finished answer starts as far from view (until its first observation, a frame later): a
  // conversation of many opens without cutting each of them into blocks before its first frame.
  const [near, setNear] = useState(
    () => streaming || text.length <= farFromViewCharacters || viewRef === undefined || typeof IntersectionObserver === "undefined",
  );
  /** Set when the browser was idle: a render then formats some of an answer far from view too. */
  const idleTurn = useRef(false);
  // What the screen shows: its text's length, when a burst was last seen, when it last changed, whether it was streaming, and its elements.
  const shown = useRef<{ length: number; burstAt: number; at: number; streaming: boolean; elements?: ReactElement[] }>({
    length: text.length,
    burstAt: -Infinity,
    at: -Infinity,
    streaming,
  });
  const now = performance.now();
  // Text pouring in faster than frames (a fast model, a backlog after a busy moment): every parse
  // then takes time from reading the stream, and is soon outdated. While that lasts, new text is
  // shown as written, and formatted once it settles (or the answer ends).
  const pouring = text.length - shown.current.length > burstCharacters || now - shown.current.burstAt < burstSettleMs;
  const bursting = streaming && pouring;
  // The render that ends a burst (the answer ended while its text poured in) shows its last text as
  // written too: the whole answer is on screen a frame sooner, and formatting starts in the next one.
  const endingBurst = !streaming && shown.current.streaming && pouring;
  // The same elements as the last render: React leaves the screen as it is.
  const holding = bursting && shown.current.elements !== undefined && now - shown.current.at < burstShowEveryMs;
  // Far from view and not the browser's idle time: nothing is formatted, and before its first look not even split.
  const deferred = !streaming && !near && !idleTurn.current;
  const unsplit = deferred && !shown.current.elements;
  const blocks = useMemo(() => (holding ? [] : unsplit || definitionLine.test(text) ? [text] : splitter(text).blocks), [holding, unsplit, splitter, text]);
  // The budget starts after the first answer's splitting (the first split of a page compiles marked's rules).
  const deadline = bursting || endingBurst || deferred ? now : Math.min(taskDeadline(parseBudgetMs), performance.now() + parseBudgetMs);
  let behind = false;
  const elements = holding
    ? (shown.current.elements as ReactElement[])
    : blocks.map((block, index) => {
        const finished = !streaming || index < blocks.length - 1;
        // The last block of an answer that is over may end in a formula cut short: parsed as such, and kept apart.
        const lastOfFinished = !streaming && index === blocks.length - 1;
        const key = lastOfFinished ? `\u0000${block}` : block;
        let parsed = finished ? parsedBlocks.get(key) : growing.text === block ? growing.parsed : undefined;
        if (!parsed && ((!finished && !bursting) || performance.now() < deadline)) {
          parsed = parseBlock(block, finished, lastOfFinished);
          if (finished) parsedBlocks.set(key, parsed);
          else Object.assign(growing, { text: block, parsed });
        }
        behind ||= !parsed;
        // Blocks are only ever appended, and a block keeps its place: its index is its identity.
        return <MarkdownBlock key={index} text={block} parsed={parsed} />;
      });
  useNearView(viewRef, !streaming && behind, setNear);
  useEffect(() => {
    idleTurn.current = false;
    if (holding) return;
    const renderedAt = performance.now();
    if (text.length - shown.current.length > burstCharacters) shown.current.burstAt = renderedAt;
    Object.assign(shown.current, { length: text.length, at: renderedAt, streaming, elements });
  });
  useEffect(() => {
    // Held back text is shown once the interval is over, even if no more comes.
    if (holding) {
      const timer = setTimeout(() => setCatchUp((count) => count + 1), burstShowEveryMs - (now - shown.current.at));
      return () => clearTimeout(timer);
    }
    if (!behind) return;
    if (!streaming && !near) {
      return whenIdle(() => {
        idleTurn.current = true;
        setCatchUp((count) => count + 1);
      });
    }
    const frame = requestAnimationFrame(() => setCatchUp((count) => count + 1));
    return () => cancelAnimationFrame(frame);
  });
  return elements;
});
