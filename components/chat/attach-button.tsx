"use client";

import { useRef } from "react";

/** The message box's paperclip: picks files (any: the box says which it cannot take) and hands them over. */
export function AttachButton({ label, onFiles }: { label: string; onFiles: (files: File[]) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        aria-label={label}
        title={label}
        onClick={() => inputRef.current?.click()}
        className="flex h-10 w-8 shrink-0 items-center justify-center rounded-xl text-slate-500 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <path d="m15.5 9.5-5.6 5.6a3.5 3.5 0 0 1-5-5l6.4-6.4a2.3 2.3 0 0 1 3.3 3.3l-6.3 6.3a1.2 1.2 0 0 1-1.7-1.7l5.6-5.6" />
        </svg>
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        onChange={(event) => {
          // Taken now: emptying the input below empties its list too.
          onFiles([...(event.target.files ?? [])]);
          // The same file can be picked again.
          event.target.value = "";
        }}
      />
    </>
  );
}
