import type { Metadata } from "next";
import { ComparePage } from "@/components/compare/compare-page";

export const metadata: Metadata = {
  title: "Streaming vs non-streaming · streamchat",
  description: "The same prompt, streamed and not, side by side: what streaming changes for the person waiting.",
};

export default function Compare() {
  return <ComparePage />;
}
