import { AUDIENCES } from "./labels";

export interface ConsentEventSource {
  consent: "audience" | "name" | "quote" | "research" | "withdrawn";
  value: string;
  actor: "teller" | "teller_link" | "account_deletion";
}

/**
 * One entry of a story's consent history in plain words, for its teller ("you allowed quotation to
 * decision makers"). Campaigns and organisations are named by the lookups given (ids otherwise).
 */
export function consentEventText(event: ConsentEventSource, names: { campaigns: ReadonlyMap<number, string>; organisations: ReadonlyMap<number, string> }): string {
  const who = event.actor === "account_deletion" ? "when your account was deleted, you" : "you";
  const [kind, ...rest] = event.value.split(":");
  const detail = rest.join(":");
  switch (event.consent) {
    case "audience": {
      if (kind === "organisers") {
        const named = detail
          .split(",")
          .filter(Boolean)
          .map((id) => names.campaigns.get(Number(id)) ?? "a campaign that has since closed");
        return `${who} let the organisers of ${named.join(", ")} read it`;
      }
      return kind === "public" ? `${who} let anyone read it once published` : kind === "members" ? `${who} let members only read it once published` : `${who} chose who may read it: ${AUDIENCES[kind as keyof typeof AUDIENCES]?.label ?? kind}`;
    }
    case "name":
      switch (kind) {
        case "display_name":
          return `${who} chose to show it under your display name`;
        case "first_name":
          return `${who} chose to show it under the first name “${detail}”`;
        case "place":
          return `${who} chose to show it as “Someone in ${detail}”`;
        case "organisation":
          return `${who} chose to show it as “A member of ${names.organisations.get(Number(detail)) ?? "an organisation"}”`;
        default:
          return `${who} chose to show it anonymously`;
      }
    case "quote":
      return event.value === "yes" ? `${who} allowed quotation to decision makers` : `${who} did not allow quotation to decision makers`;
    case "research":
      return event.value === "yes" ? `${who} allowed researchers to use it, aggregated and never linked to you` : `${who} did not allow researchers to use it`;
    case "withdrawn":
      return `${who} withdrew it`;
  }
}

/** "by your emailed link" after an entry made without an account, so a teller can tell their own changes. */
export function consentEventBy(actor: ConsentEventSource["actor"]) {
  return actor === "teller_link" ? " (with your emailed link)" : "";
}

/** What a story's teller sees of its state on its page (app/stories/teller.server.ts builds it). */
export interface TellerView {
  status: "waiting" | "changes_requested" | "published" | "declined" | "safeguarding" | "withdrawn";
  statusLabel: string;
  statusMeaning: string;
  reviewReason: string | null;
  withdrawnAt: string | null;
  history: Array<{ id: number; at: string; date: string; text: string }>;
}
