"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { useChatStateReader } from "@/components/chat/chat-store-provider";
import { DraftImages } from "@/components/chat/draft-images";
import { useMessageTexts } from "@/components/chat/use-message-texts";
import { useLocale } from "@/components/preferences/use-preferences";
import { mayHoldImages } from "@/lib/chat/image-scheme";
import { retryingImport } from "@/components/lazy-component";
import { sendsOnEnter } from "@/lib/ui/sends-on-enter";

/**
 * Edits a sent message in place; saving resends it (the answers after it are replaced). Its images are shown
 * above it, and files pasted or dropped go in, as in the message box.
 */
export function MessageEditor({ initial, onSave, onCancel }: { initial: string; onSave: (text: string) => void; onCancel: () => void }) {
  const texts = useMessageTexts();
  const locale = useLocale();
  const readState = useChatStateReader();
  const [text, setText] = useState(initial);
  const [note, setNote] = useState("");
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  function attach(files: File[]) {
    void retryingImport(() => import("@/components/chat/take-in-files")).then((module) => module.takeInFiles(files, { element: textareaRef.current, locale, setText, setNote, readState }));
  }
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") onCancel();
    else if (sendsOnEnter(event) && text.trim()) {
      event.preventDefault();
      onSave(text);
    }
  }
  return (
    <div className="w-full sm:w-[80%]">
      {mayHoldImages(text) && <DraftImages text={text} setText={setText} box={textareaRef} />}
      <textarea
        ref={textareaRef}
        aria-label={texts.editMessage}
        value={text}
        autoFocus
        onChange={(event) => {
          setText(event.target.value);
          setNote("");
        }}
        onKeyDown={onKeyDown}
        onPaste={(event) => {
          // Files copied, not text (as in the message box).
          if (event.clipboardData.files.length === 0 || event.clipboardData.types.includes("text/plain")) return;
          event.preventDefault();
          attach([...event.clipboardData.files]);
        }}
        onDragOver={(event) => event.dataTransfer.types.includes("Files") && event.preventDefault()}
        onDrop={(event) => {
          if (event.dataTransfer.files.length === 0) return;
          event.preventDefault();
          attach([...event.dataTransfer.files]);
        }}
        className="field-sizing-content min-h-16 w-full resize-none rounded-xl border border-blue-600 bg-white px-3 py-2 text-slate-900 outline-none focus:ring-2 focus:ring-(--focus-ring) dark:bg-slate-900 dark:text-slate-100"
      />
      {note && (
        <p role="alert" className="mt-1 text-xs text-amber-800 dark:text-amber-300">
          {note}
        </p>
      )}
      <div className="mt-2 flex justify-end gap-2">
        <button type="button" onClick={onCancel} className="rounded-lg px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
          {texts.cancel}
        </button>
        <button
          type="button"
          disabled={!text.trim()}
          onClick={() => onSave(text)}
          className="rounded-lg bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-40 forced-colors:border"
        >
          {texts.saveAndSend}
        </button>
      </div>
    </div>
  );
}
