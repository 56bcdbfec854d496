"use client";

import { useState } from "react";
import { useMessageTexts } from "@/components/chat/use-message-texts";
import { copyText } from "@/lib/ui/copy-text";

/** Copies `text` exactly as it came (the markdown source, not the rendered page) and says so for a moment. */
export function CopyButton({ text, label, className }: { text: string; label?: string; className?: string }) {
  const texts = useMessageTexts();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <button
      type="button"
      aria-label={label ?? texts.copy}
      onClick={async () => {
        setState((await copyText(text)) ? "copied" : "failed");
        setTimeout(() => setState("idle"), 1_500);
      }}
      className={className}
    >
      {state === "copied" ? texts.copied : state === "failed" ? texts.copyFailed : texts.copy}
    </button>
  );
}
