"use client";

import { Suspense, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { AttachButton } from "@/components/chat/attach-button";
import { useChatActions, useChatStateReader, useChatStore } from "@/components/chat/chat-store-provider";
import { composerMessageId } from "@/components/chat/element-ids";
import { StreamSwitch } from "@/components/chat/stream-switch";
import { forgetDrafts, useDraft } from "@/components/chat/use-draft";
import { useFileDrop } from "@/components/chat/use-file-drop";
import { useTypedEarly } from "@/components/chat/use-typed-early";
import { lazyComponent, retryingImport } from "@/components/lazy-component";
import { useLocale, useTranslations } from "@/components/preferences/use-preferences";
import { mayHoldImages } from "@/lib/chat/image-scheme";
import { sendsOnEnter } from "@/lib/ui/sends-on-enter";
import { selectActiveConversation, selectAnsweringId } from "@/lib/store/chat-selectors";

// The images a draft refers to are shown by a chunk fetched with the first one.
const DraftImages = lazyComponent(() => import("@/components/chat/draft-images").then((module) => module.DraftImages));

// Send and Stop are drawn by their background, which a contrast theme (forced colours) paints over: a border there.
const roundButtonClass = "flex h-10 w-10 shrink-0 items-center justify-center rounded-xl text-white forced-colors:border";

/**
 * The message box: Enter sends, Shift+Enter is a new line (on a touch screen Enter is), Escape stops; Stop replaces Send while an answer streams.
 * What is typed is the shown conversation's draft: it stays with that conversation, across reloads.
 * Send and Stop are drawn as icons and named in English in every language, as the protocol names them
 * (a visible translated word would differ from that name); their tooltips are translated.
 */
export function Composer() {
  const t = useTranslations();
  const { send, stop } = useChatActions();
  // A chat with no message yet keeps the draft of "a new chat": it is not saved until its first message, so after a reload New chat finds the text again.
  const conversationId = useChatStore((state) => {
    const conversation = selectActiveConversation(state);
    return conversation && conversation.messageIds.length > 0 ? conversation.id : undefined;
  });
  const [text, setText] = useDraft(conversationId);
  const busy = useChatStore((state) => selectAnsweringId(state) !== undefined);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const typed = useTypedEarly(textareaRef, setText, conversationId);
  const locale = useLocale();
  const readState = useChatStateReader();
  /** What was said of files not taken, until the text changes. */
  const [note, setNote] = useState("");
  /** Files picked, dropped or pasted (text, PDFs, images) go where the caret is (components/chat/take-in-files.ts, a chunk). */
  function attach(files: File[]) {
    if (files.length > 0)
      void retryingImport(() => import("@/components/chat/take-in-files")).then((module) => module.takeInFiles(files, { element: textareaRef.current, locale, setText, setNote, readState }));
  }
  /** Files are being dragged over the page: the box shows it would take them. */
  const dragging = useFileDrop(attach);

  // Escape stops the answer from anywhere on the page but a dialog or another text field, and hands focus back here.
  useEffect(() => {
    if (!busy) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement;
      const elsewhere = target.closest("dialog") || (target.matches("input, textarea, select") && target !== textareaRef.current);
      if (event.key !== "Escape" || elsewhere) return;
      stop();
      textareaRef.current?.focus();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [busy, stop]);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy || text.trim() === "") return;
    // Forgotten first, and saved at once: sending in a chat not started yet makes it a conversation, with a new id.
    forgetDrafts([conversationId]);
    setNote("");
    void send(text);
    textareaRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (sendsOnEnter(event)) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form
      onSubmit={submit}
      className="mx-auto w-full max-w-3xl px-4 pb-4"
    >
      {mayHoldImages(text) && (
        <Suspense fallback={null}>
          <DraftImages text={text} setText={setText} box={textareaRef} />
        </Suspense>
      )}
      <div
        className={`flex items-end gap-2 rounded-2xl border bg-white p-2 shadow-sm focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-(--focus-ring) dark:bg-slate-900 ${dragging ? "border-dashed border-blue-600 dark:border-blue-400" : "border-slate-400 dark:border-slate-600"}`}
      >
        <AttachButton label={t.composer.attach} onFiles={attach} />
        <textarea
          ref={textareaRef}
          id={composerMessageId}
          aria-label="Message"
          placeholder={t.composer.placeholder}
          rows={1}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            typed();
            setNote("");
          }}
          onKeyDown={onKeyDown}
          onPaste={(event) => {
            // Files copied (not text: a pasted file's name comes as text too, and is left to the browser).
            if (event.clipboardData.files.length === 0 || event.clipboardData.types.includes("text/plain")) return;
            event.preventDefault();
            attach([...event.clipboardData.files]);
          }}
          className="field-sizing-content max-h-48 min-h-10 flex-1 resize-none bg-transparent px-2 py-2 text-slate-900 outline-none placeholder:text-slate-500 dark:text-slate-100 dark:placeholder:text-slate-400"
        />
        {busy ? (
          <button
            type="button"
            aria-label="Stop"
            title={t.composer.stop}
            onClick={() => {
              stop();
              textareaRef.current?.focus();
            }}
            className={`${roundButtonClass} bg-slate-800 hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white`}
          >
            <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
              <rect x="4" y="4" width="12" height="12" rx="2" />
            </svg>
          </button>
        ) : (
          <button
            type="submit"
            aria-label="Send"
            title={t.composer.send}
            disabled={text.trim() === ""}
            className={`${roundButtonClass} bg-blue-600 hover:bg-blue-700 disabled:cursor-not-allowed disabled:opacity-40`}
          >
            <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
              <path d="M10 16V4M5 9l5-5 5 5" />
            </svg>
          </button>
        )}
      </div>
      <div className="mt-2 flex items-center justify-between gap-4 px-1">
        <StreamSwitch />
        {/* Not on a touch screen, where Enter is a new line (sendsOnEnter). */}
        <span className="hidden text-xs text-slate-600 sm:inline pointer-coarse:hidden dark:text-slate-400">{t.composer.hint}</span>
      </div>
      {note && (
        <p role="alert" className="mt-1 px-1 text-xs text-amber-800 dark:text-amber-300">
          {note}
        </p>
      )}
    </form>
  );
}
