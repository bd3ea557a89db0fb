import type { AccessNeed, EventFormat, EventKind } from "../../db/schema";

// How events are named on pages: apart from the form schemas (forms.ts) so pages ship no Zod.

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  meeting: "Meeting",
  workshop: "Workshop",
  lobby_day: "Lobby day",
  assembly: "Assembly",
  social: "Social",
};

export const EVENT_FORMAT_LABELS: Record<EventFormat, string> = {
  in_person: "In person",
  online: "Online",
  hybrid: "In person and online",
};

export const ACCESS_NEED_LABELS: Record<AccessNeed, string> = {
  step_free: "Step-free access",
  bsl: "A British Sign Language (BSL) interpreter",
  captions: "Live captions",
  hearing_loop: "A hearing loop",
  quiet_room: "A quiet room",
  breaks: "Regular breaks",
  easy_read: "Easy-read papers",
  support_worker: "A place for a support worker or personal assistant",
  dietary: "Dietary needs",
};

/** The zones a host can choose; Europe/London first, because nearly every event is in the UK. */
export const EVENT_TIME_ZONES = ["Europe/London", "Europe/Dublin", "Europe/Brussels", "UTC"] as const;

/**
 * The Social Care Institute for Excellence's briefing "Paying people who receive benefits": written
 * for co-production, it sets out the DWP's rules for involvement payments and points to independent
 * welfare-rights advice.
 */
export const BENEFITS_ADVICE_URL = "https://www.scie.org.uk/co-production/supporting/paying-people-who-receive-benefits";
export const BENEFITS_SENTENCE =
  "Payments for taking part can affect some benefits, such as Universal Credit or Employment and Support Allowance. Check before you accept: you can also choose to take part without payment.";

/** £25, £25.50: an amount in pence as people read it. */
export function formatPounds(pence: number) {
  return pence % 100 === 0 ? `£${(pence / 100).toLocaleString("en-GB")}` : `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export const EVENTS_PAGE_SIZE = 20;
/** Days after an event ends that access needs are kept, for hosts to follow up; then deleted. */
export const ACCESS_NEEDS_RETENTION_DAYS = 30;
/** How long a public registrant's confirmation link works. */
export const EVENT_CONFIRM_LINK_DAYS = 7;
