import type { AskStatus } from "../../../db/schema";
import { AskStepSchema, EnterResponseSchema } from "~/accountability/forms";
import type { CurrentMember } from "~/members/session.server";
import { changeAskStatus, enterResponse, resendResponseLink } from "~/services/accountability.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm } from "~/utils/forms";
import { invalid, notFound } from "~/utils/responses.server";

/** What organisers do on an ask's page: each reads its form and calls one service function. */
interface Intent {
  request: Request;
  member: CurrentMember;
  ask: { id: number; status: AskStatus };
  formData: FormData;
  back: string;
}

const NOT_ALLOWED = "The ask cannot move to that status from where it stands now. Choose one of the statuses listed.";

async function stepIntent({ request, member, ask, formData, back }: Intent) {
  const parsed = parseForm(AskStepSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await changeAskStatus(db, member.id, ask.id, parsed.data);
  if (!result.ok) {
    if (result.reason === "not-found") notFound();
    return invalid({ status: NOT_ALLOWED }, formValues(formData, AskStepSchema));
  }
  return redirectWithFlash(request, back, { kind: "success", message: "The step is added to the ask's history." });
}

async function responseIntent({ request, member, ask, formData, back }: Intent) {
  const parsed = parseForm(EnterResponseSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const { meaning, responseSummary, ...response } = parsed.data;
  // "Keep" is the ask's current status: the service then records it as a response where it was still waiting.
  const result = await enterResponse(db, member.id, ask.id, { ...response, status: meaning === "keep" ? ask.status : meaning, summary: responseSummary });
  if (!result.ok) {
    if (result.reason === "not-found") notFound();
    return invalid({ meaning: NOT_ALLOWED }, formValues(formData, EnterResponseSchema));
  }
  return redirectWithFlash(request, back, { kind: "success", message: "The response is published on the ask, and followers are being told." });
}

async function resendIntent({ request, ask, back }: Intent) {
  const result = await resendResponseLink(db, ask.id);
  if (!result.ok) {
    if (result.reason === "not-found") notFound();
    return invalid({ resend: "This decision maker has no working email address. Fix their address in the directory, then send a new link." });
  }
  return redirectWithFlash(request, back, { kind: "success", message: "A new link is on its way to them. The old link no longer works." });
}

export const ASK_INTENTS = new Map<string, (intent: Intent) => Promise<unknown>>([
  ["step", stepIntent],
  ["response", responseIntent],
  ["resend", resendIntent],
]);
