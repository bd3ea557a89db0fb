import { z } from "zod";
import type { CurrentMember } from "~/members/session.server";
import { gathersEvidence } from "~/demands/evidence";
import { DeclineSourceSchema, SourceSchema } from "~/demands/evidence-forms";
import { decideOnSource, suggestSource, type DecideSourceResult } from "~/services/evidence.server";
import type { DemandContext } from "~/members/permissions";
import { db } from "~/utils/db.server";
import { IdField } from "~/utils/fields";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm } from "~/utils/forms";
import { forbidden, invalid, notFound } from "~/utils/responses.server";

/** The evidence page's intents: suggesting a source, and the authors' accept and decline. */
interface Intent {
  request: Request;
  member: CurrentMember;
  demand: { id: number; stage: DemandContext["stage"] };
  context: DemandContext;
  formData: FormData;
}

const NOT_GATHERING = "This demand is no longer gathering evidence, so nothing was changed.";
const DECIDE_REFUSED: Record<Exclude<DecideSourceResult, { ok: true }>["reason"], string> = {
  "not-gathering": NOT_GATHERING,
  "not-author": "Only the demand's authors can accept or decline a source.",
  "no-such-source": "That suggestion no longer exists.",
  "already-decided": "That suggestion has already been accepted or declined.",
};

export async function suggestIntent({ request, member, demand, formData }: Intent) {
  if (!gathersEvidence(demand.stage)) return invalid({ form: NOT_GATHERING }, formValues(formData, SourceSchema));
  const parsed = parseForm(SourceSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await suggestSource(db, demand.id, { id: member.id, displayName: member.displayName }, parsed.data);
  if (!result.ok) return invalid({ form: NOT_GATHERING }, formValues(formData, SourceSchema));
  const back = `/demands/${demand.id}/evidence`;
  if (result.status === "accepted") return redirectWithFlash(request, `/demands/${demand.id}#source-${result.number}`, { kind: "success", message: `Added as source ${result.number}. Cite it in the text as [${result.number}].` });
  return redirectWithFlash(request, `${back}#my-suggestions-heading`, { kind: "success", message: "Thank you. Your source is waiting for the demand's authors, who will accept or decline it. We will tell you which." });
}

const SourceIdSchema = z.object({ sourceId: IdField });

export async function decideIntent({ request, member, demand, context, formData }: Intent, accept: boolean) {
  if (!context.isAuthor) forbidden();
  const id = parseForm(SourceIdSchema, formData);
  if (!id.ok) notFound();
  const back = `/demands/${demand.id}/evidence`;
  let result: DecideSourceResult;
  if (accept) {
    result = await decideOnSource(db, demand.id, id.data.sourceId, member.id, { accept: true });
  } else {
    const parsed = parseForm(DeclineSourceSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, { ...parsed.values, sourceId: String(id.data.sourceId) });
    result = await decideOnSource(db, demand.id, id.data.sourceId, member.id, { accept: false, reason: parsed.data.reason });
  }
  if (!result.ok) {
    if (result.reason === "not-author") forbidden();
    return invalid({ form: DECIDE_REFUSED[result.reason] });
  }
  return redirectWithFlash(request, `${back}#suggestions-heading`, {
    kind: "success",
    message: accept ? `Accepted as source ${result.number}. Cite it in the text as [${result.number}]. The member who suggested it has been told.` : "Declined. The member who suggested it has been told why.",
  });
}
