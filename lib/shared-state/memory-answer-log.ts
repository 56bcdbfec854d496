import {
  defaultResumeTtlMs,
  type AnswerFollower,
  type AnswerLog,
  type AnswerLogWriter,
  type FollowerHooks,
  type LoggedEvent,
  type LogRead,
} from "@/lib/shared-state/answer-log";

interface MemoryAnswer {
  /** Every event's text, back to back: one string, not one object per token. */
  text: string;
  /** `ends[n]`: where event n's text ends in `text` (ids are 0, 1, 2, ... in order). */
  ends: number[];
  ended: boolean;
  hooks: FollowerHooks;
  /** Followers waiting for more. */
  waiting: Set<() => void>;
}

/** Ended answers kept beyond this many characters in all are forgotten oldest first, before their TTL. */
const defaultBudgetCharacters = 64 * 1024 * 1024;

/** One instance's resumable answers, in memory: the default, and the generating instance's own copy under Redis. */
export class MemoryAnswerLog implements AnswerLog {
  private readonly answers = new Map<string, MemoryAnswer>();
  private endedCharacters = 0;

  constructor(
    private readonly ttlMs = defaultResumeTtlMs,
    private readonly budgetCharacters = defaultBudgetCharacters,
  ) {}

  create(id: string, hooks: FollowerHooks): AnswerLogWriter {
    const answer: MemoryAnswer = { text: "", ends: [], ended: false, hooks, waiting: new Set() };
    this.answers.set(id, answer);
    const wake = () => {
      for (const resolve of answer.waiting) resolve();
      answer.waiting.clear();
    };
    return {
      append: (events: readonly LoggedEvent[]) => {
        if (answer.ended) return;
        for (const event of events) {
          answer.text += event.text;
          answer.ends[event.id] = answer.text.length;
        }
        wake();
      },
      end: () => {
        if (answer.ended) return;
        answer.ended = true;
        wake();
        this.forgetLater(id, answer);
      },
    };
  }

  /** Whether this instance holds answer `id` (it generated it, and it has not expired). */
  has(id: string): boolean {
    return this.answers.has(id);
  }

  async follow(id: string, after: number): Promise<AnswerFollower | undefined> {
    return this.followNow(id, after);
  }

  followNow(id: string, after: number): AnswerFollower | undefined {
    const answer = this.answers.get(id);
    if (!answer) return undefined;
    // Event n's text starts where event n-1's ends; a position not reached yet is waited for.
    const offsetAfter = () => (after < 0 ? 0 : (answer.ends[after] ?? (answer.ended ? answer.text.length : undefined)));
    let offset = offsetAfter();
    if (answer.ended && offset !== undefined && offset >= answer.text.length) return undefined;
    const live = !answer.ended;
    if (live) answer.hooks.onFollowerChange(1);
    let closed = false;
    let wakeMe: (() => void) | undefined;
    return {
      read: async (): Promise<LogRead> => {
        let from = offset ?? offsetAfter();
        while (!closed && (from === undefined || from >= answer.text.length) && !answer.ended) {
          await new Promise<void>((resolve) => {
            wakeMe = resolve;
            answer.waiting.add(resolve);
          });
          from = offset ?? offsetAfter();
        }
        const text = closed || from === undefined ? "" : answer.text.slice(from);
        offset = answer.text.length;
        return { text, ended: answer.ended || closed };
      },
      close: () => {
        if (closed) return;
        closed = true;
        if (wakeMe) {
          answer.waiting.delete(wakeMe);
          wakeMe();
        }
        if (live) answer.hooks.onFollowerChange(-1);
      },
    };
  }

  private forgetLater(id: string, answer: MemoryAnswer): void {
    this.endedCharacters += answer.text.length;
    const forget = () => {
      if (this.answers.get(id) !== answer) return;
      this.answers.delete(id);
      this.endedCharacters -= answer.text.length;
    };
    // Not keeping the process alive for it: an expiry is no work to finish.
    setTimeout(forget, this.ttlMs).unref();
    // Over budget: the oldest ended answers go first (insertion order is age order).
    for (const [oldId, old] of this.answers) {
      if (this.endedCharacters <= this.budgetCharacters) break;
      if (!old.ended || oldId === id) continue;
      this.answers.delete(oldId);
      this.endedCharacters -= old.text.length;
    }
  }
}
