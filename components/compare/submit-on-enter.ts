import type { KeyboardEvent } from "react";

/** A textarea key handler: Enter submits, Shift+Enter is a new line, and Enter that ends an IME composition (Japanese, Korean) only ends it. */
export function submitOnEnter(submit: () => void) {
  return (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };
}
