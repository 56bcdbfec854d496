"use client";

import { useState, type FormEvent } from "react";
import { useChatActions } from "@/components/chat/chat-store-provider";
import { useTranslations } from "@/components/preferences/use-preferences";

/**
 * Asks for the access code when the server wants one (protocol v1.1: a
 * textbox named "Access code" and a button named "Unlock"). The question
 * that met the locked door is sent once the code is accepted. The names stay
 * English in every language (aria-label); the visible text is the reader's.
 */
export function AccessCodeForm() {
  const t = useTranslations();
  const { unlock } = useChatActions();
  const [problem, setProblem] = useState<string | undefined>();
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const code = String(new FormData(form).get("code") ?? "");
    if (code.trim() === "") return;
    setChecking(true);
    const failure = await unlock(code);
    setChecking(false);
    setProblem(failure);
    if (!failure) form.reset();
  }

  return (
    <form
      onSubmit={submit}
      aria-labelledby="access-heading"
      className="mx-auto mb-3 w-[calc(100%-2rem)] max-w-3xl rounded-2xl border border-slate-300 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="access-heading" className="font-semibold text-slate-900 dark:text-slate-100">
        {t.access.heading}
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t.access.explanation}</p>
      <div className="mt-3 flex gap-2">
        <label className="sr-only" htmlFor="access-code">
          Access code
        </label>
        <input
          id="access-code"
          name="code"
          type="text"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          autoFocus
          placeholder={t.access.placeholder}
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? "access-problem" : undefined}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        />
        <button type="submit" aria-label="Unlock" disabled={checking} className="rounded-lg bg-blue-600 px-4 py-2 font-medium text-white hover:bg-blue-700 disabled:opacity-60 forced-colors:border">
          {t.access.unlock}
        </button>
      </div>
      {problem && (
        <p id="access-problem" role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </form>
  );
}
