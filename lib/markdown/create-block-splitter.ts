import { type BlockSplit, splitBlocks } from "@/lib/markdown/split-blocks";

/** A splitter that remembers its last split, so each longer text costs only its tail. */
export function createBlockSplitter(): (source: string) => BlockSplit {
  let previous: BlockSplit | undefined;
  return (source) => (previous = splitBlocks(source, previous));
}
