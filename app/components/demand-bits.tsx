import type { DemandStage } from "../../db/schema";
import { STAGE_LABELS } from "~/utils/demands";

export function StageTag({ stage }: { stage: DemandStage }) {
  return <span className={`stage stage--${stage}`}>{STAGE_LABELS[stage]}</span>;
}

/** Sanitised server-rendered Markdown (see markdown.server.ts). */
export function RenderedMarkdown({ html }: { html: string }) {
  return <div className="prose demand-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
