import type { Locale } from "@/lib/i18n/locales";

/*
 * What a failed answer says, in every language. Not in the page's
 * dictionaries: only the message row shows an error, and the row is a chunk
 * of its own, so these texts come with it rather than in every reader's
 * first-load JS (English's were some 350 bytes of it).
 */

/** The server's error codes a reader meets; `upstream_refused` is `upstream_error` that retrying will not help. */
export type ServerErrorCode =
  | "rate_limited"
  | "auth_failed"
  | "upstream_unavailable"
  | "upstream_error"
  | "upstream_refused"
  | "timeout"
  | "overloaded"
  | "internal"
  | "payload_too_large"
  | "unauthorized"
  // An upstream's refusal's `reason`s (lib/server/upstream-refusal.ts).
  | "context_length_exceeded"
  | "model_not_found"
  | "unsupported_setting"
  | "images_not_supported";
export type ServerErrorTexts = Partial<Record<ServerErrorCode, string>>;

const en = {
  retryingWillNotHelp: "Retrying will not help.",
  tryAgain: "Try again",
  tryAgainIn: (seconds: number) => `Try again in ${seconds} s`,
  networkError: "Could not reach the server. Check your connection and try again.",
  connectionLost: "The connection to the server was lost before the answer was complete.",
  badResponse: "The server did not answer with a stream.",
  httpStatus: (status: string) => `The server answered with HTTP ${status}. Try again.`,
  pageError: "Something went wrong in the page. Try again.",
  answerGone: "The rest of this answer is no longer available on the server. The text above is what arrived; try again to ask anew.",
  reconnectFailed: "Could not reconnect to the server to finish this answer. Check your connection, then try again.",
  askWithoutImages: "Ask without the images",
  askInNewChat: "Ask in a new chat",
  askDefaultModel: "Ask the server's default model",
  askWithModelDefaults: "Ask again with the model's defaults",
  // English pages show the server's own words (the protocol's, often more precise); other languages say it in theirs.
  server: {} as ServerErrorTexts,
};

export type ErrorTexts = typeof en;

const ja: ErrorTexts = {
  retryingWillNotHelp: "再試行しても解決しません。",
  tryAgain: "再試行",
  tryAgainIn: (seconds) => `${seconds} 秒後に再試行できます`,
  networkError: "サーバーに接続できませんでした。ネットワーク接続を確認して、もう一度お試しください。",
  connectionLost: "回答が終わる前にサーバーとの接続が切れました。",
  badResponse: "サーバーからストリーム形式の応答がありませんでした。",
  httpStatus: (status) => `サーバーから HTTP ${status} が返されました。もう一度お試しください。`,
  pageError: "ページで問題が発生しました。もう一度お試しください。",
  answerGone: "この回答の続きはサーバーにもう残っていません。上の文章は届いた分です。もう一度お試しいただくと、改めて質問します。",
  reconnectFailed: "回答を最後まで受け取るためにサーバーへ再接続できませんでした。接続を確認してから、もう一度お試しください。",
  askWithoutImages: "画像なしで聞き直す",
  askInNewChat: "新しいチャットで聞き直す",
  askDefaultModel: "サーバーの既定のモデルで聞き直す",
  askWithModelDefaults: "モデルの既定値で聞き直す",
  server: {
    rate_limited: "リクエストが多すぎます。少し待ってからもう一度お試しください。",
    auth_failed: "モデルがこのサーバーの認証情報を拒否しました。サーバーの API キーを確認する必要があります。",
    upstream_unavailable: "モデルとの接続が切れました。もう一度お試しください。",
    upstream_error: "モデルのサーバーでエラーが発生しました。もう一度お試しください。",
    upstream_refused: "モデルのサーバーがリクエストを拒否しました。モデルと設定を確認してください。",
    timeout: "モデルの応答が長く途絶えたため、回答を終了しました。もう一度お試しください。",
    overloaded: "このサーバーは処理できる上限までリクエストを受けています。数秒後にもう一度お試しください。",
    internal: "このサーバーで問題が発生しました。もう一度お試しください。",
    payload_too_large: "会話が長すぎて送信できません。メッセージを短くするか、一度に送る画像を減らすか、新しい会話を始めてください。",
    unauthorized: "アクセスコードが必要です。",
    context_length_exceeded: "この会話はモデルが読める長さを超えています。新しい会話を始めるか、前のメッセージを編集して短くしてください。",
    model_not_found: "モデルのサーバーに選んだモデルがありません。設定で別のモデルを選んでください。",
    unsupported_setting: "このモデルは会話の設定（温度やトークン数の上限）を受け付けません。設定でモデルの既定値に戻してください。",
    images_not_supported: "このモデルは画像を読めません。設定で画像を読めるモデルを選ぶか、質問を編集して画像を外してください。",
  },
};

const ko: ErrorTexts = {
  retryingWillNotHelp: "다시 시도해도 해결되지 않습니다.",
  tryAgain: "다시 시도",
  tryAgainIn: (seconds) => `${seconds}초 후 다시 시도`,
  networkError: "서버에 연결할 수 없습니다. 네트워크 연결을 확인한 뒤 다시 시도하세요.",
  connectionLost: "답변이 끝나기 전에 서버와의 연결이 끊어졌습니다.",
  badResponse: "서버가 스트림 형식으로 응답하지 않았습니다.",
  httpStatus: (status) => `서버가 HTTP ${status}(으)로 응답했습니다. 다시 시도하세요.`,
  pageError: "페이지에서 문제가 발생했습니다. 다시 시도하세요.",
  answerGone: "이 답변의 나머지는 더 이상 서버에 없습니다. 위의 글은 도착한 부분입니다. 다시 시도하면 새로 질문합니다.",
  reconnectFailed: "답변을 끝까지 받기 위해 서버에 다시 연결하지 못했습니다. 연결을 확인한 뒤 다시 시도하세요.",
  askWithoutImages: "이미지 없이 다시 묻기",
  askInNewChat: "새 채팅에서 다시 묻기",
  askDefaultModel: "서버 기본 모델로 다시 묻기",
  askWithModelDefaults: "모델 기본값으로 다시 묻기",
  server: {
    rate_limited: "요청이 너무 많습니다. 잠시 후 다시 시도하세요.",
    auth_failed: "모델이 이 서버의 인증 정보를 거부했습니다. 서버의 API 키를 확인해야 합니다.",
    upstream_unavailable: "모델과의 연결이 끊어졌습니다. 다시 시도하세요.",
    upstream_error: "모델 서버에서 오류가 발생했습니다. 다시 시도하세요.",
    upstream_refused: "모델 서버가 요청을 거부했습니다. 모델과 설정을 확인하세요.",
    timeout: "모델이 너무 오래 응답하지 않아 답변을 끝냈습니다. 다시 시도하세요.",
    overloaded: "이 서버가 처리할 수 있는 만큼의 요청을 받고 있습니다. 몇 초 후 다시 시도하세요.",
    internal: "이 서버에서 문제가 발생했습니다. 다시 시도하세요.",
    payload_too_large: "대화가 너무 길어 보낼 수 없습니다. 메시지를 줄이거나, 한 번에 보내는 이미지를 줄이거나, 새 대화를 시작하세요.",
    unauthorized: "액세스 코드가 필요합니다.",
    context_length_exceeded: "이 대화는 모델이 읽을 수 있는 길이를 넘었습니다. 새 대화를 시작하거나 앞의 메시지를 편집해 줄여 주세요.",
    model_not_found: "모델 서버에 선택한 모델이 없습니다. 설정에서 다른 모델을 선택해 주세요.",
    unsupported_setting: "이 모델은 대화 설정(온도나 토큰 상한)을 받지 않습니다. 설정에서 모델 기본값으로 되돌려 주세요.",
    images_not_supported: "이 모델은 이미지를 읽지 못합니다. 설정에서 이미지를 읽는 모델을 고르거나, 질문을 편집해 이미지를 빼 주세요.",
  },
};

export const errorTexts: Record<Locale, ErrorTexts> = { en, ja, ko };
