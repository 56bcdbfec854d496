import { largestAttachmentBytes, readAttachments } from "@/lib/chat/read-attachments";
import { refusalText } from "@/lib/i18n/attachment-texts";
import type { Locale } from "@/lib/i18n/locales";

export interface MessageBox {
  element: HTMLTextAreaElement | null;
  locale: Locale;
  /** Changes the box's text (its conversation's draft). */
  setText(text: string): void;
  /** Says what became of files not taken ("": all were). */
  setNote(note: string): void;
}

/**
 * What the message box does with files picked, dropped or pasted: their
 * text goes where the caret is, on lines of its own, and the box says which
 * it refused and why. A chunk of its own, fetched at the first file: the box
 * itself only knows to ask for it.
 */
export async function takeInFiles(files: readonly File[], box: MessageBox): Promise<void> {
  const { text, refused } = await readAttachments(files);
  box.setNote(refusalText(refused, box.locale, largestAttachmentBytes));
  const element = box.element;
  if (!element || text === "") return;
  const { value, selectionStart, selectionEnd } = element;
  const before = value.slice(0, selectionStart);
  const separator = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  box.setText(`${before}${separator}${text}\n${value.slice(selectionEnd)}`);
  element.focus();
}
