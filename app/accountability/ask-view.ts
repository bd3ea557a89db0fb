import type { AskChannel, AskStatus, AskThreshold, TargetRole } from "../../db/schema";

/**
 * An ask as every page shows it (the campaign, the demand, a decision maker's page, the tracker,
 * the organisers' pages): plain data for the AskRecord component. Built for a page of asks with two
 * queries (their histories and their responses), never one per ask. Never carries an email address.
 */
export interface AskView {
  id: number;
  campaign: { id: number; title: string };
  demand: { id: number; title: string };
  target: { id: number; name: string; role: TargetRole; body: string };
  request: string;
  channel: AskChannel;
  link: string | null;
  petition: { slug: string; title: string } | null;
  letterCampaign: { slug: string; title: string } | null;
  threshold: AskThreshold | null;
  askedOn: string;
  status: AskStatus;
  statusOn: string;
  summary: string;
  history: Array<{ id: number; status: AskStatus; summary: string; happenedOn: string; source: "organiser" | "decision_maker" | "automatic" }>;
  responses: Array<{ id: number; html: string; via: "link" | "organiser"; responder: string; source: string | null; receivedOn: string }>;
}

/** The columns AskView is built from: what askWithContext and the public listings select. */
export interface AskRow {
  id: number;
  campaign_id: number;
  campaign_title: string;
  demand_id: number;
  demand_title: string;
  target_id: number;
  target_name: string;
  target_role: TargetRole;
  target_body: string;
  request: string;
  channel: AskChannel;
  link: string | null;
  petition_slug: string | null;
  petition_title: string | null;
  letter_campaign_slug: string | null;
  letter_campaign_title: string | null;
  threshold: AskThreshold | null;
  asked_on: string;
  status: AskStatus;
  status_on: string;
  summary: string;
}
