/** Saves `text` as a file named `fileName` through the browser's download, in UTF-8 (CJK and emoji exact). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // Not revoked at once: the browser may read the URL after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
