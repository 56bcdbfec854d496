import type { KeyboardEvent } from "react";
import { sendsOnEnter } from "@/lib/ui/sends-on-enter";

/** A textarea key handler that submits when the key press sends (lib/ui/sends-on-enter.ts): Enter, but not Shift+Enter, an IME's Enter, or Enter on a touch screen. */
export function submitOnEnter(submit: () => void) {
  return (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!sendsOnEnter(event)) return;
    event.preventDefault();
    submit();
  };
}
