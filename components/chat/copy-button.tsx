"use client";

import { useState } from "react";
import { useTranslations } from "@/components/preferences/use-preferences";
import { copyText } from "@/lib/ui/copy-text";

/** Copies `text` exactly as it came (the markdown source, not the rendered page) and says so for a moment. */
export function CopyButton({ text, label, className }: { text: string; label?: string; className?: string }) {
  const t = useTranslations();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <button
      type="button"
      aria-label={label ?? t.message.copy}
      onClick={async () => {
        setState((await copyText(text)) ? "copied" : "failed");
        setTimeout(() => setState("idle"), 1_500);
      }}
      className={className}
    >
      {state === "copied" ? t.message.copied : state === "failed" ? t.message.copyFailed : t.message.copy}
    </button>
  );
}
