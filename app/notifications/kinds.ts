import type { NotificationDelivery } from "../../db/schema";

/**
 * Every kind of notification, what the settings page calls it, and its default: quiet by default
 * (digests), immediate only where waiting would make it useless (a vote about to close, a decision maker's response, a reply to
 * you, a decision on your work, an invitation to co-author, someone waiting at your organisation's door, a story that made a moderator worry for someone's safety, a date poll and its chosen date).
 */
export const NOTIFICATION_KINDS = {
  comment_reply: { label: "Replies to your comments", default: "immediately" },
  amendment_decided: { label: "Decisions on your amendments", default: "immediately" },
  source_decided: { label: "Decisions on sources of evidence you suggested", default: "immediately" },
  source_suggested: { label: "Sources of evidence suggested for a demand you wrote", default: "daily" },
  coauthor_invitation: { label: "Invitations to co-author a demand", default: "immediately" },
  voting_closing: { label: "Voting closes in 24 hours on a demand you follow", default: "immediately" },
  demand_outcome: { label: "The outcome of a demand you follow or took part in", default: "immediately" },
  demand_stage: { label: "A demand you follow opens for consultation or voting", default: "daily" },
  new_comment: { label: "New comments on demands you follow", default: "daily" },
  endorsement: { label: "An organisation endorses a demand you follow", default: "daily" },
  campaign_update: { label: "Updates and milestones from campaigns you follow", default: "daily" },
  decision_maker_response: { label: "A decision maker responds to a campaign or demand you follow", default: "immediately" },
  ask_status: { label: "What decision makers were asked, promised and delivered, on campaigns you follow", default: "daily" },
  topic_new_demand: { label: "New demands in topics you follow", default: "weekly" },
  join_request: { label: "Requests to join an organisation you run", default: "immediately" },
  reports_waiting: { label: "Reported comments waiting for a moderator", default: "daily" },
  stories_waiting: { label: "Stories waiting for a moderator's review", default: "daily" },
  story_safeguarding: { label: "A story a moderator passed to the safeguarding route (coalition admins)", default: "immediately" },
  new_story: { label: "New stories about demands you follow", default: "daily" },
  event_reminder: { label: "A reminder the day before an event you registered for", default: "immediately" },
  event_date_poll: { label: "An invitation to say which dates suit you for an event", default: "immediately" },
  event_date_chosen: { label: "The date chosen for an event you said you could come to", default: "immediately" },
} as const satisfies Record<string, { label: string; default: NotificationDelivery }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
export const isNotificationKind = (value: string): value is NotificationKind => value in NOTIFICATION_KINDS;

export const DELIVERY_LABELS: Record<NotificationDelivery, string> = {
  immediately: "Email straight away",
  daily: "In a daily digest",
  weekly: "In a weekly digest",
  off: "Off",
};
