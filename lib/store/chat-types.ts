import type { AccessState } from "@/lib/store/access-slice";
import type { Usage } from "@/lib/chat/events";
import type { ChatRole } from "@/lib/chat/schema";

export type MessageStatus = "waiting" | "streaming" | "done" | "stopped" | "error";

/** Something the page tells the reader about their saved chats, by key: the page says it in the reader's language. */
export type ChatNotice = "saved_chats_unreadable" | "saved_chats_not_loaded" | "saved_chats_full" | "shared_conversation_added" | "shared_link_unreadable";

export interface MessageError {
  code: string;
  message: string;
  retryable: boolean;
  retryAfterSeconds?: number;
  /** Why the model's server refused, when the person can act on it (the protocol's added `reason`). */
  reason?: string;
}

export interface Message {
  id: string;
  role: ChatRole;
  content: string;
  /** What a reasoning model wrote before its answer (the protocol's added `reasoning` events), when its server sends it. */
  reasoning?: string;
  status: MessageStatus;
  model?: string;
  /** The server's id of the answer (its `start` event): what Stop cancels, and what a reload resumes. */
  answerId?: string;
  /** The SSE id of the last event taken in, saved in the same update as the text it brought: a resume asks for what comes after. */
  lastEventId?: string;
  /** The connection was lost mid-answer and the page is trying to resume it. */
  reconnecting?: boolean;
  finishReason?: string;
  usage?: Usage;
  error?: MessageError;
  /** Milliseconds from Send to the first text on screen (a reasoning model's reasoning, else the answer), and to the end. */
  firstTokenMs?: number;
  /** A reasoning model's: milliseconds from its reasoning's first text to its answer's. */
  reasoningMs?: number;
  totalMs?: number;
  /**
   * A continuation (Continue) being streamed: where the answer and its reasoning ended before it (their lengths), and
   * the tokens of the run before it. A reload reads the continuation again from its start, through the `<think>`
   * splitter (lib/store/continued-thinking.ts), which must see a block from its opening tag to know it is reasoning.
   */
  continuation?: Continuation;
  /** A regenerated answer's other versions, in the order they were written: Regenerate keeps the answer it replaces. */
  versions?: AnswerVersion[];
  /** Where the version shown stands among them all (0: the first written); undefined: the last. */
  version?: number;
  /** An edited question's other branches, in the order they were written: editing keeps the question as it was, and what followed it. */
  branches?: QuestionBranch[];
  /** Where the branch shown stands among them all (0: the first written); undefined: the last. */
  branch?: number;
}

/** What a continuation went on from (`Message.continuation`). */
export interface Continuation {
  contentLength: number;
  /** Undefined: the answer had no reasoning. */
  reasoningLength?: number;
  /** Undefined: the run before was never counted (stopped). */
  usageBefore?: Usage;
}

/** A branch of an edited question: its text then, and the messages that followed it. */
export interface QuestionBranch {
  content: string;
  following: Message[];
}

/** One version of a regenerated answer: what it said and how it went (not how to resume it: it has ended). */
export type AnswerVersion = Omit<Message, "id" | "role" | "versions" | "version" | "branches" | "branch" | "answerId" | "lastEventId" | "reconnecting" | "continuation">;

export interface ConversationSettings {
  /** Sent first, as a `system` message, when not empty. */
  systemPrompt: string;
  /** Undefined: the server's default model. */
  model?: string;
  /** Undefined: the model's default. */
  temperature?: number;
  /** How hard a reasoning model reasons ("low", "medium", "high"); undefined: the model's default. */
  reasoningEffort?: string;
}

export interface Conversation {
  id: string;
  title: string;
  /** Set once the reader renames it: the first message no longer decides the title. */
  titleEdited: boolean;
  createdAt: number;
  updatedAt: number;
  messageIds: string[];
  settings: ConversationSettings;
  /** Pinned by the reader: listed first in the sidebar, under Pinned, whatever its age. */
  pinned?: boolean;
}

export interface ChatData {
  conversations: Record<string, Conversation>;
  /** Newest first, as the sidebar lists them. */
  conversationIds: string[];
  activeConversationId: string | undefined;
  /** Every conversation's messages, by id. */
  messages: Record<string, Message>;
  streamResponses: boolean;
  /** What a new conversation starts with (Settings, "Use these settings for new chats"); undefined: none (the server's model, the model's defaults). */
  newChatSettings?: ConversationSettings;
}

export interface ChatState extends ChatData, AccessState {
  /** The assistant message being written in each conversation that has one. */
  answering: Record<string, string>;
  /** Something the reader should know about their saved chats (e.g. they could not be read). */
  notice: ChatNotice | undefined;

  send(text: string): Promise<void>;
  stop(): void;
  /** Replaces the last answer with a new one (also how a failed answer is retried). */
  regenerate(): Promise<void>;
  /**
   * Asks the model to go on with the last answer where it ended early (cut off at the token limit, stopped,
   * broken off): what it writes is added to the same answer.
   */
  continueAnswer(): Promise<void>;
  /** Shows version `index` of a regenerated answer (see `Message.versions`); it is the answer from then on. */
  showVersion(messageId: string, index: number): void;
  /** Shows branch `index` of an edited question of the shown conversation (see `Message.branches`): its text and what followed it. */
  showBranch(messageId: string, index: number): void;
  /** Replaces a user message's text and asks again; what followed it is kept with its earlier text as a branch. */
  editAndResend(messageId: string, text: string): Promise<void>;
  /**
   * Adds an answer's text (`eventId`: the SSE id of the event that brought it), shown at the next frame;
   * `into: "reasoning"`: text of the reasoning before it.
   */
  appendDelta(messageId: string, content: string, eventId?: string, into?: "content" | "reasoning"): void;
  /** Reads on every open answer no one in this tab reads: after a reload, or one another tab is writing. */
  resumeAnswers(): void;
  /**
   * Takes in what another tab saved (the `storage` event, or a write of this
   * tab's that found it): `previousText` is what was saved before, the
   * event's `oldValue` or the text this tab last read or wrote.
   */
  takeOtherTabWrite(previousText: string | null): Promise<void>;
  setStreamResponses(streamResponses: boolean): void;
  newConversation(): void;
  selectConversation(conversationId: string): void;
  renameConversation(conversationId: string, title: string): void;
  deleteConversation(conversationId: string): void;
  /** Pins a conversation at the sidebar's top, or unpins it (its place among the others is when it was last written to, as before). */
  pinConversation(conversationId: string, pinned: boolean): void;
  updateSettings(settings: Partial<ConversationSettings>): void;
  /** New conversations start with these settings from now on (undefined: with none). */
  setNewChatSettings(settings: ConversationSettings | undefined): void;
  clearAll(): void;
  dismissNotice(): void;
  /** The browser's storage refused to save the chats for want of room (`full`), or saved them again. */
  noteStorageFull(full: boolean): void;
}

/** What is kept across reloads. */
export type PersistedChat = ChatData;
