/**
 * Stop for answers, wherever they are generated (protocol v1.1: `POST
 * /api/chat/{id}/cancel`). The instance that generates an answer registers
 * it and gets a signal that aborts when anyone, on any instance, cancels it.
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
  signal: AbortSignal;
  end(): void;
  known: Promise<void>;
}

/** How long an ended answer's id is still known (a late Stop gets 204, not 404). */
export const endedAnswerMemoryMs = 10 * 60_000;

/** One instance's answers, in memory. */
export class MemoryAnswerCancels implements AnswerCancels {
  private readonly inFlight = new Map<string, AbortController>();
  private readonly ended = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  register(id: string): AnswerRegistration {
    const controller = new AbortController();
    this.inFlight.set(id, controller);
    return {
      signal: controller.signal,
      known: Promise.resolve(),
      end: () => {
        this.inFlight.delete(id);
        this.forgetOldEnded();
        this.ended.set(id, this.now());
      },
    };
  }

  /** Aborts the answer if this instance generates it; whether it did. */
  cancelHere(id: string): boolean {
    const controller = this.inFlight.get(id);
    controller?.abort();
    return controller !== undefined;
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
