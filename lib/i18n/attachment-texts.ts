import type { AttachmentRefusal } from "@/lib/chat/read-attachments";
import type { Locale } from "@/lib/i18n/locales";

/*
 * What the message box says of a file it did not take, in every language.
 * Not in the page's dictionaries: it comes with the chunk that reads files,
 * fetched at the first file attached.
 */

interface AttachmentTexts {
  notText: (name: string) => string;
  tooLarge: (name: string, kilobytes: number) => string;
}

const en: AttachmentTexts = {
  notText: (name) => `“${name}” is not a text file: only text (code, Markdown, CSV, logs) can be attached.`,
  tooLarge: (name, kilobytes) => `“${name}” is larger than ${kilobytes} kB, too long to send with every turn.`,
};

const ja: AttachmentTexts = {
  notText: (name) => `「${name}」はテキストファイルではありません。添付できるのはテキスト（コード、Markdown、CSV、ログなど）だけです。`,
  tooLarge: (name, kilobytes) => `「${name}」は ${kilobytes} kB を超えていて、毎回の送信に含めるには長すぎます。`,
};

const ko: AttachmentTexts = {
  notText: (name) => `‘${name}’은(는) 텍스트 파일이 아닙니다. 텍스트(코드, Markdown, CSV, 로그 등)만 첨부할 수 있습니다.`,
  tooLarge: (name, kilobytes) => `‘${name}’은(는) ${kilobytes}kB를 넘어 매번 함께 보내기에는 너무 깁니다.`,
};

const texts: Record<Locale, AttachmentTexts> = { en, ja, ko };

/** One sentence per refused file, in the reader's language. */
export function refusalText(refused: readonly AttachmentRefusal[], locale: Locale, largestBytes: number): string {
  const say = texts[locale];
  return refused.map(({ name, reason }) => (reason === "too_large" ? say.tooLarge(name, Math.round(largestBytes / 1000)) : say.notText(name))).join(" ");
}
