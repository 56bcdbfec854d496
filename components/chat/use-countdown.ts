"use client";

import { useEffect, useState } from "react";

/** Whole seconds left of `seconds`, counted from when the component mounted; 0 once over. */
export function useCountdown(seconds: number | undefined): number {
  const [deadline] = useState(() => (seconds === undefined ? 0 : Date.now() + seconds * 1000));
  const remaining = () => Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
  const [left, setLeft] = useState(remaining);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft(Math.max(0, Math.ceil((deadline - Date.now()) / 1000))), 1000);
    return () => clearTimeout(timer);
  }, [left, deadline]);
  return left;
}
