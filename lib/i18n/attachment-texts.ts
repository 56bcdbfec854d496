import type { AttachmentRefusal } from "@/lib/chat/read-attachments";
import { requestLimits } from "@/lib/chat/request-limits";
import type { Locale } from "@/lib/i18n/locales";

/*
 * What the message box says of a file it did not take, in every language.
 * Not in the page's dictionaries: it comes with the chunk that reads files,
 * fetched at the first file attached.
 */

interface AttachmentTexts {
  notText: (name: string) => string;
  tooLarge: (name: string, kilobytes: number) => string;
  unreadableImage: (name: string) => string;
  notKept: (name: string) => string;
  tooManyImages: (name: string, most: number) => string;
  textTooLarge: (name: string, kilobytes: number) => string;
  unreadableDocument: (name: string) => string;
  protectedDocument: (name: string) => string;
  noTextDocument: (name: string) => string;
}

const en: AttachmentTexts = {
  notText: (name) => `“${name}” is not text, a PDF, a Word document or an image: text (code, Markdown, CSV, logs), PDFs, Word documents (.docx) and images can be attached.`,
  tooLarge: (name, kilobytes) => `“${name}” is larger than ${kilobytes} kB, too long to send with every turn.`,
  unreadableImage: (name) => `“${name}” could not be opened as an image (it may be damaged, or in a format this browser cannot read, such as HEIC): attach a PNG, JPEG, WebP or GIF.`,
  notKept: (name) => `“${name}” could not be kept in this browser: its storage may be full, or private browsing may not allow it.`,
  tooManyImages: (name, most) => `“${name}” was not added: a message can hold ${most} images.`,
  textTooLarge: (name, kilobytes) => `The text of “${name}” is larger than ${kilobytes} kB, too long to send with every turn: copy the part you need into the message.`,
  unreadableDocument: (name) => `“${name}” could not be read: it may be damaged.`,
  protectedDocument: (name) => `“${name}” is protected by a password: attach a copy without one, or copy its text into the message.`,
  noTextDocument: (name) => `“${name}” has no text to read (a scan?): attach its pages as images instead.`,
};

const ja: AttachmentTexts = {
  notText: (name) => `「${name}」はテキストでも PDF でも Word 文書でも画像でもありません。添付できるのはテキスト（コード、Markdown、CSV、ログなど）、PDF、Word 文書（.docx）、画像です。`,
  tooLarge: (name, kilobytes) => `「${name}」は ${kilobytes} kB を超えていて、毎回の送信に含めるには長すぎます。`,
  unreadableImage: (name) => `「${name}」を画像として開けませんでした（壊れているか、HEIC などこのブラウザーが読めない形式の可能性があります）。PNG、JPEG、WebP、GIF のいずれかで添付してください。`,
  notKept: (name) => `「${name}」をこのブラウザーに保存できませんでした。保存領域がいっぱいか、プライベートブラウズで許可されていない可能性があります。`,
  tooManyImages: (name, most) => `「${name}」は追加しませんでした。1 つのメッセージに入れられる画像は ${most} 枚までです。`,
  textTooLarge: (name, kilobytes) => `「${name}」のテキストは ${kilobytes} kB を超えていて、毎回の送信に含めるには長すぎます。必要な部分をメッセージにコピーしてください。`,
  unreadableDocument: (name) => `「${name}」を読めませんでした。壊れている可能性があります。`,
  protectedDocument: (name) => `「${name}」はパスワードで保護されています。パスワードのないコピーを添付するか、テキストをメッセージにコピーしてください。`,
  noTextDocument: (name) => `「${name}」には読み取れるテキストがありません（スキャンした文書？）。代わりにページを画像として添付してください。`,
};

const ko: AttachmentTexts = {
  notText: (name) => `‘${name}’은(는) 텍스트도 PDF도 Word 문서도 이미지도 아닙니다. 텍스트(코드, Markdown, CSV, 로그 등), PDF, Word 문서(.docx), 이미지를 첨부할 수 있습니다.`,
  tooLarge: (name, kilobytes) => `‘${name}’은(는) ${kilobytes}kB를 넘어 매번 함께 보내기에는 너무 깁니다.`,
  unreadableImage: (name) => `‘${name}’을(를) 이미지로 열 수 없습니다(손상되었거나 HEIC처럼 이 브라우저가 읽지 못하는 형식일 수 있습니다). PNG, JPEG, WebP, GIF 중 하나로 첨부하세요.`,
  notKept: (name) => `‘${name}’을(를) 이 브라우저에 저장하지 못했습니다. 저장 공간이 가득 찼거나 사생활 보호 모드에서 허용되지 않을 수 있습니다.`,
  tooManyImages: (name, most) => `‘${name}’은(는) 추가하지 않았습니다. 메시지 하나에는 이미지를 ${most}장까지 넣을 수 있습니다.`,
  textTooLarge: (name, kilobytes) => `‘${name}’의 텍스트는 ${kilobytes}kB를 넘어 매번 함께 보내기에는 너무 깁니다. 필요한 부분을 메시지에 복사하세요.`,
  unreadableDocument: (name) => `‘${name}’을(를) 읽을 수 없습니다. 손상되었을 수 있습니다.`,
  protectedDocument: (name) => `‘${name}’은(는) 비밀번호로 보호되어 있습니다. 비밀번호가 없는 사본을 첨부하거나 텍스트를 메시지에 복사하세요.`,
  noTextDocument: (name) => `‘${name}’에는 읽을 수 있는 텍스트가 없습니다(스캔한 문서인가요?). 대신 페이지를 이미지로 첨부하세요.`,
};

const texts: Record<Locale, AttachmentTexts> = { en, ja, ko };

/** One sentence per refused file, in the reader's language. */
export function refusalText(refused: readonly AttachmentRefusal[], locale: Locale, largestBytes: number): string {
  const say = texts[locale];
  const sentence: Record<AttachmentRefusal["reason"], (name: string) => string> = {
    not_text: say.notText,
    too_large: (name) => say.tooLarge(name, Math.round(largestBytes / 1000)),
    unreadable_image: say.unreadableImage,
    not_kept: say.notKept,
    too_many_images: (name) => say.tooManyImages(name, requestLimits.maxImages),
    text_too_large: (name) => say.textTooLarge(name, Math.round(largestBytes / 1000)),
    unreadable_document: say.unreadableDocument,
    protected_document: say.protectedDocument,
    no_text_document: say.noTextDocument,
  };
  return refused.map(({ name, reason }) => sentence[reason](name)).join(" ");
}

/** What the images above the message box are called, the name of the button that takes one out, and what is said of one put in. */
export interface DraftImageTexts {
  list: string;
  remove: (name: string) => string;
  /** What a screen reader hears when an image goes into the message. */
  attached: (name: string) => string;
}

export const draftImageTexts: Record<Locale, DraftImageTexts> = {
  en: { list: "Images", remove: (name) => `Remove image ${name}`, attached: (name) => `Image attached: ${name}` },
  ja: { list: "画像", remove: (name) => `画像 ${name} を外す`, attached: (name) => `画像を添付しました: ${name}` },
  ko: { list: "이미지", remove: (name) => `이미지 ${name} 빼기`, attached: (name) => `이미지를 첨부했습니다: ${name}` },
};
