import { describe, expect, test } from "vitest";
import { errorText } from "@/lib/i18n/error-text";
import { errorTexts } from "@/lib/i18n/error-texts";
import { messageTexts } from "@/lib/i18n/message-texts";
import { noticeTexts } from "@/lib/i18n/notice-texts";
import { suggestionTexts } from "@/lib/i18n/suggestion-texts";
import { cjkLanguageOf, demoAnswerFor } from "@/lib/providers/demo/demo-answers";
import { locales } from "@/lib/i18n/locales";
import { loadMessages, type Messages } from "@/lib/i18n/messages";
import { settingsTexts } from "@/lib/i18n/settings-texts";

const messages = Object.fromEntries(await Promise.all(locales.map(async (locale) => [locale, await loadMessages(locale)] as const))) as Record<
  (typeof locales)[number],
  Messages
>;

type Tree = { [key: string]: string | ((...args: never[]) => string) | Tree };

/** Every leaf as "group.key" with what it is: a text, or a function of so many parameters. */
function shapeOf(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" ? shapeOf(value, `${prefix}${key}.`) : [`${prefix}${key}:${typeof value === "function" ? `fn${value.length}` : "text"}`],
  );
}

function textsOf(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === "object" ? textsOf(value) : typeof value === "string" ? [value] : []));
}

describe("the dictionaries", () => {
  test.each(locales)("%s has English's keys and parameters, and no empty text", (locale) => {
    expect(shapeOf(messages[locale])).toEqual(shapeOf(messages.en));
    expect(textsOf(messages[locale]).filter((text) => text.trim() === "")).toEqual([]);
  });

  test("Japanese and Korean say every server error the page knows", () => {
    const codes = ["rate_limited", "auth_failed", "upstream_unavailable", "upstream_error", "upstream_refused", "timeout", "overloaded", "internal", "payload_too_large", "unauthorized"];
    // And every reason a refusal may give (lib/server/upstream-refusal.ts).
    codes.push("context_length_exceeded", "model_not_found", "unsupported_setting", "images_not_supported");
    expect(Object.keys(errorTexts.ja.server).sort()).toEqual([...codes].sort());
    expect(Object.keys(errorTexts.ko.server).sort()).toEqual([...codes].sort());
  });

  test("Japanese and Korean are translated, not English left in place", () => {
    for (const locale of ["ja", "ko"] as const) {
      const same = textsOf(messages[locale]).filter((text, index) => text === textsOf(messages.en)[index]);
      expect(same).toEqual([]);
    }
  });

  test("the settings dialog's texts and the notices', which come with their chunks, are in every language too, translated", () => {
    for (const texts of [settingsTexts, noticeTexts]) {
      for (const locale of ["ja", "ko"] as const) {
        expect(shapeOf(texts[locale])).toEqual(shapeOf(texts.en));
        const english = textsOf(texts.en);
        expect(textsOf(texts[locale]).filter((text, index) => text.trim() === "" || text === english[index])).toEqual([]);
      }
    }
    expect(settingsTexts.ko.restored(2, 1)).toContain("2");
  });

  test("a message row's texts, which come with it, are in every language too, translated", () => {
    for (const locale of ["ja", "ko"] as const) {
      expect(shapeOf(messageTexts[locale])).toEqual(shapeOf(messageTexts.en));
      const english = textsOf(messageTexts.en);
      expect(textsOf(messageTexts[locale]).filter((text, index) => text.trim() === "" || text === english[index])).toEqual([]);
    }
    expect(messageTexts.ja.thoughtFor("12")).toContain("12");
  });

  test("an empty chat's suggestions are in every language, four each, and the demo model answers each with what it shows", () => {
    const answersIn = (locale: (typeof locales)[number]) => suggestionTexts[locale].suggestions.map(({ prompt }) => demoAnswerFor(prompt));
    for (const locale of locales) {
      const [streaming, code, formula, otherScript] = answersIn(locale);
      expect(suggestionTexts[locale].suggestions).toHaveLength(4);
      expect(streaming).toMatch(/^## /);
      expect(code).toContain("```ts");
      expect(formula).toContain("$$");
      // Another language than the page's, answered in it.
      expect(cjkLanguageOf(suggestionTexts[locale].suggestions[3]?.prompt ?? "") ?? "english").not.toBe({ en: "english", ja: "japanese", ko: "korean" }[locale]);
      expect(otherScript).not.toBe(streaming);
    }
  });

  test("a failed answer's texts, which come with the message row, are in every language too, translated", () => {
    for (const locale of ["ja", "ko"] as const) {
      // English leaves the server's errors in the server's words: its `server` is empty by design.
      expect(shapeOf(errorTexts[locale]).filter((leaf) => !leaf.startsWith("server."))).toEqual(shapeOf(errorTexts.en));
      const english = textsOf(errorTexts.en);
      expect(textsOf(errorTexts[locale]).filter((text, index) => text.trim() === "" || text === english[index])).toEqual([]);
    }
  });

  test("parameters reach the text", () => {
    expect(errorTexts.ja.tryAgainIn(7)).toContain("7");
    expect(messageTexts.ko.conversation.confirmDelete("여행 계획")).toContain("여행 계획");
  });
});

describe("error texts", () => {
  test("the page's own failures are said in the reader's language", () => {
    expect(errorText({ code: "network_error", message: "Could not reach the server." }, errorTexts.ja)).toBe(errorTexts.ja.networkError);
    expect(errorText({ code: "http_502", message: "The server answered with HTTP 502." }, errorTexts.ko)).toContain("HTTP 502");
    expect(errorText({ code: "page_error", message: "x" }, errorTexts.ko)).toBe(errorTexts.ko.pageError);
    expect(errorText({ code: "answer_gone", message: "x" }, errorTexts.ja)).toBe(errorTexts.ja.answerGone);
    expect(errorText({ code: "reconnect_failed", message: "x" }, errorTexts.ko)).toBe(errorTexts.ko.reconnectFailed);
  });

  test("a server's error is said in the reader's language, except on an English page, which keeps the server's words", () => {
    const error = { code: "rate_limited", message: "The model is getting too many requests.", retryable: true };
    expect(errorText(error, errorTexts.en)).toBe(error.message);
    expect(errorText(error, errorTexts.ja)).toBe(errorTexts.ja.server.rate_limited);
    expect(errorText(error, errorTexts.ko)).toBe(errorTexts.ko.server.rate_limited);
  });

  test("an upstream error says to retry or to check the settings, as its retryable flag says", () => {
    const failed = { code: "upstream_error", message: "The model's server failed (HTTP 503).", retryable: true };
    const refused = { code: "upstream_error", message: "The model's server refused the request (HTTP 404).", retryable: false };
    expect(errorText(failed, errorTexts.ja)).toBe(errorTexts.ja.server.upstream_error);
    expect(errorText(refused, errorTexts.ja)).toBe(errorTexts.ja.server.upstream_refused);
  });

  test("a refusal that says why is said as such: what to change, in the reader's language", () => {
    const refused = { code: "upstream_error", message: "This conversation is longer than the model can read.", retryable: false, reason: "context_length_exceeded" };
    expect(errorText(refused, errorTexts.en)).toBe(refused.message);
    expect(errorText(refused, errorTexts.ja)).toBe(errorTexts.ja.server.context_length_exceeded);
    expect(errorText({ ...refused, reason: "unsupported_setting" }, errorTexts.ko)).toBe(errorTexts.ko.server.unsupported_setting);
    // A reason this page does not know: the refusal as such.
    expect(errorText({ ...refused, reason: "something_new" }, errorTexts.ja)).toBe(errorTexts.ja.server.upstream_refused);
  });

  test("a code the page does not know keeps the server's words in every language", () => {
    const error = { code: "invalid_request", message: "messages: at least one message is required." };
    expect(errorText(error, errorTexts.ko)).toBe(error.message);
  });
});
