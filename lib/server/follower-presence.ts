/**
 * Who follows a resumable answer, and the grace period when nobody does
 * (protocol v1.1, "Resumable answers"). The client that asked counts as the
 * first follower; a client that re-attaches (on any instance) is a resume.
 * Whenever the count falls to zero — the asking client left, or later every
 * follower left again — the answer keeps generating for `graceMs`, and if
 * nobody attaches within it, `onAbandoned` is called once (the relay aborts
 * its upstream then).
 */
export class FollowerPresence {
  private followers = 1;
  private resumeCount = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private over = false;

  constructor(
    private readonly graceMs: number,
    private readonly onAbandoned: () => void,
  ) {}

  /** Re-attachments so far, for the outcome line. */
  get resumes(): number {
    return this.resumeCount;
  }

  change(change: 1 | -1): void {
    if (this.over) return;
    if (change === 1) {
      this.resumeCount += 1;
      this.followers += 1;
      clearTimeout(this.timer);
      this.timer = undefined;
      return;
    }
    this.followers = Math.max(0, this.followers - 1);
    if (this.followers === 0 && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.over = true;
        this.onAbandoned();
      }, this.graceMs);
    }
  }

  /** The answer is over: no more grace, no more counting. */
  stop(): void {
    this.over = true;
    clearTimeout(this.timer);
  }
}
