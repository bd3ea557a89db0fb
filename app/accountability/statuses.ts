import type { AskChannel, AskStatus } from "../../db/schema";

/**
 * An ask's public statuses and the steps between them. "Closed" is not "fixed" (FixMyStreet's
 * lesson): a commitment is only "delivered" when someone says so with a date, and a delivered or
 * committed ask can still be found "broken" later, or recommitted. Staying at the same status with a
 * new summary is a progress update ("2 of 9 regions have opened").
 */
export const ASK_STATUS_LABELS: Record<AskStatus, string> = {
  asked: "Asked",
  responded: "Responded",
  committed: "Committed",
  delivered: "Delivered",
  declined: "Declined",
  no_response: "No response",
  broken: "Broken",
};

/** What each status means, in the words the tracker and the forms use. */
export const ASK_STATUS_MEANINGS: Record<AskStatus, string> = {
  asked: "Asked, waiting for an answer.",
  responded: "Answered, without committing to anything yet.",
  committed: "Promised to do some or all of what was asked.",
  delivered: "Did what they promised.",
  declined: "Said no.",
  no_response: "No answer 30 days after being asked.",
  broken: "Did not keep a promise, or undid it.",
};

const NEXT: Record<AskStatus, readonly AskStatus[]> = {
  asked: ["responded", "committed", "declined", "no_response"],
  no_response: ["responded", "committed", "declined"],
  responded: ["committed", "declined"],
  declined: ["responded", "committed"],
  committed: ["delivered", "broken"],
  delivered: ["broken"],
  broken: ["committed", "delivered"],
};

/** The statuses an ask can move to from `from`, itself first (a progress update). */
export function nextStatuses(from: AskStatus): AskStatus[] {
  return [from, ...NEXT[from]];
}

export function canMove(from: AskStatus, to: AskStatus) {
  return from === to || NEXT[from].includes(to);
}

/** A response in their own words moves an ask that was waiting to "responded"; anything further keeps its status. */
export function statusAfterResponse(from: AskStatus): AskStatus {
  return from === "asked" || from === "no_response" ? "responded" : from;
}

/** Statuses a visitor can filter by, and which count as kept, open or failed promises. */
export const OPEN_STATUSES: readonly AskStatus[] = ["asked", "responded", "committed"];
export const NO_RESPONSE_AFTER_DAYS = 30;
/** How long a response link works; the link carries its own expiry, so a change affects new links only. */
export const RESPONSE_LINK_DAYS = 60;

export const ASK_CHANNEL_LABELS: Record<AskChannel, string> = {
  letter_campaign: "Letter campaign",
  petition: "Petition delivery",
  meeting: "Meeting",
  other: "Other",
};

export const isAskStatus = (value: string): value is AskStatus => value in ASK_STATUS_LABELS;
