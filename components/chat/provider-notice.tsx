"use client";

import { useModels } from "@/components/chat/use-models";
import { useTranslations } from "@/components/preferences/use-preferences";

/** Says plainly when the offline demo model is answering, and how to use a real one. */
export function ProviderNotice() {
  const models = useModels();
  const t = useTranslations();
  if (models?.provider !== "demo") return null;
  return (
    <p role="note" className="mx-auto mt-3 w-full max-w-3xl rounded-lg bg-amber-100 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
      {t.notice.demoModelBefore}
      <strong>{t.notice.demoModel}</strong>
      {t.notice.demoModelAfter}
      <code className="font-mono">OPENAI_API_KEY</code>
      {t.notice.demoModelEnd}
    </p>
  );
}
