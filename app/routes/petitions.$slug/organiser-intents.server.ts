import { closePetition, deliverPetition, invalidateSuspectCluster, openPetition, queuePetitionNews } from "~/services/petition.server";
import { requireMember } from "~/members/session.server";
import { loadPetitionFor } from "~/petitions/access.server";
import { DeliverSchema, NewsSchema } from "~/petitions/forms";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms";
import { forbidden, invalid } from "~/utils/responses.server";
import { countOf } from "~/utils/plural";

/** What the campaign's organisers do from the petition page; everyone else is refused. */
export const ORGANISER_INTENTS = new Set(["deliver", "news", "invalidate", "open", "close"]);

export async function organiserIntent(request: Request, slug: string | undefined, intent: string, formData: FormData) {
  const member = await requireMember(request);
  const { petition, allowed: manage } = await loadPetitionFor(request, slug);
  if (!manage) forbidden();
  if (intent === "deliver") {
    const parsed = parseForm(DeliverSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const delivered = await deliverPetition(db, petition.id, member.id, parsed.data.note);
    if (!delivered) return invalid({ form: "Only a closed petition can be marked delivered." });
    return redirectWithFlash(request, `/petitions/${petition.slug}`, { kind: "success", message: "Marked as delivered. The note is on the campaign's timeline." });
  }
  if (intent === "news") {
    if (petition.status === "draft") forbidden();
    const parsed = parseForm(NewsSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    await queuePetitionNews(db, petition.id, parsed.data);
    return redirectWithFlash(request, `/petitions/${petition.slug}`, { kind: "success", message: "Your message is on its way to the signers who asked for news." });
  }
  if (intent === "invalidate") {
    const domain = String(formData.get("domain") ?? "");
    const network = String(formData.get("network") ?? "");
    const done = await invalidateSuspectCluster(db, petition.id, network || null, domain);
    return redirectWithFlash(request, `/petitions/${petition.slug}#suspect-heading`, {
      kind: "success",
      message: `${countOf(done.invalidated, "signature")} no longer count (${done.confirmed} had been confirmed). The count updates within seconds.`,
    });
  }
  if (intent === "open" || intent === "close") {
    const changed = intent === "open" ? await openPetition(db, petition.id) : await closePetition(db, petition.id);
    return redirectWithFlash(request, `/petitions/${petition.slug}`, changed ? { kind: "success", message: intent === "open" ? "The petition is open for signatures." : "The petition is closed." } : { kind: "info", message: "Nothing changed." });
  }
  return forbidden();
}
