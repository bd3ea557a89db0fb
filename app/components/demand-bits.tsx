import type { CampaignStatus, DemandStage } from "../../db/schema";
import { STAGE_LABELS } from "~/demands/labels";

export function StageTag({ stage }: { stage: DemandStage }) {
  return <span className={`stage stage--${stage}`}>{STAGE_LABELS[stage]}</span>;
}

const CAMPAIGN_STATUS_TEXT: Record<CampaignStatus, string> = { active: "Campaigning now", won: "Won", closed: "Closed" };

/** A campaign's status, styled like the stage of the demand it is for. */
export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  return <span className={`stage stage--${status === "active" ? "campaigning" : status}`}>{CAMPAIGN_STATUS_TEXT[status]}</span>;
}

/** Sanitised server-rendered Markdown (see markdown.server.ts). */
export function RenderedMarkdown({ html }: { html: string }) {
  return <div className="prose demand-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
