/**
 * Stop for answers, wherever they are generated (protocol v1.1: `POST
 * /api/chat/{id}/cancel`). The instance that generates an answer registers
 * it and hears through the registration when anyone, on any instance,
 * cancels it.
 */
export interface AnswerCancels {
  /**
   * Registers an answer in flight; call `end` once it is over. `known`
   * resolves once every instance can find it (a cancel sent anywhere right
   * after its `start` event reaches it), or once that cannot be had soon.
   */
  register(id: string): AnswerRegistration;
  /** `cancelled` (it was in flight), `ended` (it had already ended), or `unknown`. */
  cancel(id: string): Promise<"cancelled" | "ended" | "unknown">;
}

export interface AnswerRegistration {
  /**
   * `listener` is called once, when the answer is cancelled; at once if it
   * already was (a cancel may come before the answer's relay has started).
   * A callback, not an AbortSignal: an AbortController per answer in flight
   * (beside the relay's own, for the upstream) kept about 0.8 KiB a stream
   * (the memory bench), and registering took 8 to 11 µs in next start.
   */
  onCancel(listener: () => void): void;
  end(): void;
  known: Promise<void>;
}

/** One answer in flight: whether it was cancelled, and who to tell. */
interface InFlight {
  cancelled: boolean;
  listener?: () => void;
}

/** How long an ended answer's id is still known (a late Stop gets 204, not 404). */
export const endedAnswerMemoryMs = 10 * 60_000;

/** One instance's answers, in memory. */
export class MemoryAnswerCancels implements AnswerCancels {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly ended = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  register(id: string): AnswerRegistration {
    const answer: InFlight = { cancelled: false };
    this.inFlight.set(id, answer);
    return {
      onCancel(listener) {
        if (answer.cancelled) listener();
        else answer.listener = listener;
      },
      known: Promise.resolve(),
      end: () => {
        this.inFlight.delete(id);
        this.forgetOldEnded();
        this.ended.set(id, this.now());
      },
    };
  }

  /** Cancels the answer if this instance generates it (its listener hears of it once); whether it does. */
  cancelHere(id: string): boolean {
    const answer = this.inFlight.get(id);
    if (answer && !answer.cancelled) {
      answer.cancelled = true;
      const listener = answer.listener;
      answer.listener = undefined;
      listener?.();
    }
    return answer !== undefined;
  }

  async cancel(id: string): Promise<"cancelled" | "ended" | "unknown"> {
    if (this.cancelHere(id)) return "cancelled";
    const endedAt = this.ended.get(id);
    return endedAt !== undefined && this.now() - endedAt < endedAnswerMemoryMs ? "ended" : "unknown";
  }

  private forgetOldEnded(): void {
    // Insertion order is age order: drop from the front while too old (bounded memory).
    for (const [id, endedAt] of this.ended) {
      if (this.now() - endedAt < endedAnswerMemoryMs && this.ended.size < 100_000) break;
      this.ended.delete(id);
    }
  }
}
