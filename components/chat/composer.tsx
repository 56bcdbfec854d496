"use client";

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useChatActions, useChatStore } from "@/components/chat/chat-store-provider";
import { StreamSwitch } from "@/components/chat/stream-switch";
import { selectAnsweringId } from "@/lib/store/chat-selectors";

/** The message box: Enter sends, Shift+Enter is a new line, Escape stops; Stop replaces Send while an answer streams. */
export function Composer() {
  const [text, setText] = useState("");
  const { send, stop } = useChatActions();
  const busy = useChatStore((state) => selectAnsweringId(state) !== undefined);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const activeConversationId = useChatStore((state) => state.activeConversationId);
  const shownConversationRef = useRef(activeConversationId);

  // A new or another conversation was chosen: the next thing to do is to write in it.
  useEffect(() => {
    if (shownConversationRef.current === activeConversationId) return;
    shownConversationRef.current = activeConversationId;
    textareaRef.current?.focus();
  }, [activeConversationId]);

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
    void send(text);
    setText("");
    textareaRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form onSubmit={submit} className="mx-auto w-full max-w-3xl px-4 pb-4">
      <div className="flex items-end gap-2 rounded-2xl border border-slate-300 bg-white p-2 shadow-sm focus-within:border-blue-500 dark:border-slate-700 dark:bg-slate-900">
        <textarea
          ref={textareaRef}
          aria-label="Message"
          placeholder="Message"
          rows={1}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          className="field-sizing-content max-h-48 min-h-10 flex-1 resize-none bg-transparent px-2 py-2 text-slate-900 outline-none placeholder:text-slate-500 dark:text-slate-100 dark:placeholder:text-slate-400"
        />
        {busy ? (
          <button
            type="button"
            onClick={() => {
              stop();
              textareaRef.current?.focus();
            }}
            className="rounded-xl bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white"
          >
            Stop
          </button>
        ) : (
          <button
            type="submit"
            disabled={text.trim() === ""}
            className="rounded-xl bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700 disabled:cursor-not-allowed disabled:opacity-40"
          >
            Send
          </button>
        )}
      </div>
      <div className="mt-2 flex items-center justify-between gap-4 px-1">
        <StreamSwitch />
        <span className="hidden text-xs text-slate-500 sm:inline dark:text-slate-400">Enter to send · Shift+Enter for a new line</span>
      </div>
    </form>
  );
}
