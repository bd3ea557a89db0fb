/**
 * What a decision maker can say about what was asked, on their response page, in their words. The
 * values are the accountability service's POSITIONS (kept here, free of server code and of Zod, so the
 * page's own bundle can show them).
 */
export const RESPONSE_POSITIONS = ["commit", "decline", "respond"] as const;
export type ResponsePosition = (typeof RESPONSE_POSITIONS)[number];

export const RESPONSE_POSITION_LABELS: Record<ResponsePosition, string> = {
  commit: "We commit to some or all of what is asked",
  decline: "We decline",
  respond: "We are responding without a commitment yet",
};

/** The most a response through the link may hold: a long letter, not a report. */
export const RESPONSE_MAX = 20_000;
