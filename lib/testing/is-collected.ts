import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// The test process is not started with --expose-gc: the flag is set now, and a fresh context gets the function.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/**
 * Whether nothing holds the object behind `reference` any more, after a full
 * garbage collection: for tests of what the server keeps in memory while an
 * answer streams.
 */
export async function isCollected(reference: WeakRef<object>): Promise<boolean> {
  // A WeakRef's target is kept until the job that made or read it has ended.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  return reference.deref() === undefined;
}
