/**
 * The events of resumable answers (protocol v1.1, "Resumable answers"): the
 * instance that generates an answer appends each event's exact SSE text
 * with its id; any instance can follow it from after an id: what was sent
 * so far, then the live events, to the end. Memory on one instance, Redis
 * across instances (chosen in shared-state.ts).
 */

/** One protocol event as it went to the client: its id and its exact SSE text. */
export interface LoggedEvent {
  id: number;
  text: string;
}

/** What a follower reads at a time: the SSE text of the next events, in order, and whether the answer ended after them. */
export interface LogRead {
  text: string;
  ended: boolean;
}

/** Told by the log when a client starts or stops following the answer (on any instance). */
export interface FollowerHooks {
  onFollowerChange(change: 1 | -1): void;
}

/** The generating instance's side of one answer's log. */
export interface AnswerLogWriter {
  /**
   * Appends the events of one upstream read (ids consecutive, in order).
   * Never waits and never throws: the client's write comes first, this copy
   * is off its path.
   */
  append(events: readonly LoggedEvent[]): void;
  /** The answer is over (its last event and `[DONE]` were sent); it stays for the resume TTL. */
  end(): void;
}

/** A client following one answer. */
export interface AnswerFollower {
  /** The next events (waits for them while the answer is live); `ended` once there will be none. One read at a time. */
  read(): Promise<LogRead>;
  /** Stops following and frees what following held (a connection, a listener). Safe to call twice. */
  close(): void;
}

export interface AnswerLog {
  /** Starts the log of answer `id`, generated here. */
  create(id: string, hooks: FollowerHooks): AnswerLogWriter;
  /**
   * Follows answer `id` from after event `after` (-1: from the first).
   * Undefined when the answer is unknown here, expired, not resumable, or
   * ended with nothing after `after`.
   */
  follow(id: string, after: number): Promise<AnswerFollower | undefined>;
  /**
   * While a new instance's first connection to where logs are shared is
   * still being made: settles once it is (or after a bound), so that a log
   * created then is shared. Undefined when there is nothing to wait for.
   */
  connecting?(): Promise<void> | undefined;
}

/** How long an ended answer's events stay (CHAT_RESUME_TTL_S, default 600 s). */
export const defaultResumeTtlMs = 600_000;
