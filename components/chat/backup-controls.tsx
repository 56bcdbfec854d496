"use client";

import { useRef, useState } from "react";
import { useChatStateReader, useChatStateWriter } from "@/components/chat/chat-store-provider";
import { useSettingsTexts } from "@/components/chat/use-settings-texts";
import { readImages, saveImage } from "@/lib/client/image-store";
import { backupFileName, backupText, imageIdsOf, readBackup, withConversationsAdded } from "@/lib/store/chat-backup";
import { downloadText } from "@/lib/ui/download-text";

const buttonClass = "rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";

/**
 * Every conversation to a file and back: the chats live in this browser only,
 * so a backup is how they move to another one or outlive clearing its data.
 * Restoring adds the conversations that are not here and replaces none.
 */
export function BackupControls() {
  const settingsText = useSettingsTexts();
  const readState = useChatStateReader();
  const setState = useChatStateWriter();
  const [outcome, setOutcome] = useState<string>();
  const fileRef = useRef<HTMLInputElement>(null);

  async function restore(file: File) {
    // A file that cannot be read as text (a folder, one gone since it was chosen) is not a backup either.
    const read = readBackup(await file.text().catch(() => ""), readState());
    if (!read) return setOutcome(settingsText.backupUnreadable);
    // The images first: the questions that refer to them show them as soon as they are there.
    await Promise.all([...read.images].map(([id, url]) => saveImage(id, url))).catch(() => undefined);
    setState((state) => withConversationsAdded(state, read.added));
    setOutcome(settingsText.restored(read.added.conversationIds.length, read.alreadyHere));
  }

  async function download() {
    const state = readState();
    const ids = imageIdsOf(state);
    // Images this browser no longer has are left out: their questions say so wherever the backup goes.
    const images = ids.length === 0 ? undefined : await readImages(ids).catch(() => undefined);
    downloadText(backupFileName(new Date()), backupText(state, images), "application/json");
  }

  return (
    <section aria-labelledby="all-conversations-title" className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-700">
      <h3 id="all-conversations-title" className="text-sm font-medium">
        {settingsText.allConversations}
      </h3>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" onClick={() => void download()} className={buttonClass}>
          {settingsText.backupDownload}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()} className={buttonClass}>
          {settingsText.backupRestore}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Emptied, so that choosing the same file again is heard.
            event.target.value = "";
            if (file) void restore(file);
          }}
        />
      </div>
      {outcome && (
        <p role="status" className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          {outcome}
        </p>
      )}
    </section>
  );
}
