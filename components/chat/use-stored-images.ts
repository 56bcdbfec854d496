"use client";

import { useEffect, useState } from "react";
import { readImages } from "@/lib/client/image-store";

/** The stored images among `ids` (their `data:` URLs), once read; undefined until then. `ids` joined with spaces, so that a new array of the same ids reads nothing again. */
export function useStoredImages(ids: string): ReadonlyMap<string, string> | undefined {
  const [read, setRead] = useState<{ ids: string; images: ReadonlyMap<string, string> }>();
  useEffect(() => {
    let current = true;
    readImages(ids === "" ? [] : ids.split(" "))
      .catch(() => new Map<string, string>())
      .then((images) => {
        if (current) setRead({ ids, images });
      });
    return () => {
      current = false;
    };
  }, [ids]);
  return read?.ids === ids ? read.images : undefined;
}
