"use client";

import { useState, type KeyboardEvent } from "react";
import { DraftImages } from "@/components/chat/draft-images";
import { useMessageTexts } from "@/components/chat/use-message-texts";
import { mayHoldImages } from "@/lib/chat/image-scheme";

/** Edits a sent message in place; saving resends it (the answers after it are replaced). Its images are shown above it, as the message box shows a draft's. */
export function MessageEditor({ initial, onSave, onCancel }: { initial: string; onSave: (text: string) => void; onCancel: () => void }) {
  const texts = useMessageTexts();
  const [text, setText] = useState(initial);
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") onCancel();
    else if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing && text.trim()) {
      event.preventDefault();
      onSave(text);
    }
  }
  return (
    <div className="w-full sm:w-[80%]">
      {mayHoldImages(text) && <DraftImages text={text} setText={setText} />}
      <textarea
        aria-label={texts.editMessage}
        value={text}
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        className="field-sizing-content min-h-16 w-full resize-none rounded-xl border border-blue-600 bg-white px-3 py-2 text-slate-900 outline-none focus:ring-2 focus:ring-(--focus-ring) dark:bg-slate-900 dark:text-slate-100"
      />
      <div className="mt-2 flex justify-end gap-2">
        <button type="button" onClick={onCancel} className="rounded-lg px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
          {texts.cancel}
        </button>
        <button
          type="button"
          disabled={!text.trim()}
          onClick={() => onSave(text)}
          className="rounded-lg bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-40"
        >
          {texts.saveAndSend}
        </button>
      </div>
    </div>
  );
}
