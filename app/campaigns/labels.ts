// How campaign entries are named on pages: apart from the form schemas (forms.ts) so the pages
// that show them do not ship Zod to the browser.

export const ENTRY_KINDS = {
  update: "An update",
  petition_delivered: "Milestone: petition delivered",
  meeting_held: "Milestone: meeting held",
  response_received: "Milestone: response received",
} as const;

export const CAMPAIGN_EVENT_LABELS: Record<string, string> = {
  started: "Campaign started",
  update: "Update",
  petition_delivered: "Petition delivered",
  meeting_held: "Meeting held",
  response_received: "Response received",
  won: "Won",
  closed: "Campaign closed",
};
