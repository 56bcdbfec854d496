"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Files dropped anywhere on the page go to `attach`, as in ChatGPT: the browser would open a file dropped beside
 * the message box in place of the chat. A drop the question editor took (its own box) is left to it; under a
 * dialog, a drop only does not open the file. Says whether files are being dragged over the page (the box then
 * shows it would take them).
 */
export function useFileDrop(attach: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  // The page's drop listener, set once, attaches into the conversation shown at the time of the drop.
  const attachRef = useRef(attach);
  useEffect(() => {
    attachRef.current = attach;
  });

  useEffect(() => {
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") === true;
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    // Gone from the page (no element left for): the box is as it was.
    const onDragLeave = (event: DragEvent) => event.relatedTarget === null && setDragging(false);
    const onDrop = (event: DragEvent) => {
      setDragging(false);
      if (!carriesFiles(event) || event.defaultPrevented) return;
      event.preventDefault();
      // Taken now: a drop's files can be read only while its event lasts.
      if (!document.querySelector("dialog[open]")) attachRef.current([...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("dragleave", onDragLeave);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("dragleave", onDragLeave);
      window.removeEventListener("drop", onDrop);
    };
  }, []);
  return dragging;
}
