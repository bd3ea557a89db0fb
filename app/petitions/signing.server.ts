import { signPetition } from "~/services/petition.server";
import { db } from "~/utils/db.server";
import { parseForm, type FieldErrors, type FormValues } from "~/utils/forms";
import { SignSchema } from "./forms";
import { acceptingSignatures } from "./status";

export type SignOutcome = { status: "signed"; email: string } | { status: "closed" } | { status: "invalid"; errors: FieldErrors; values: FormValues };

/**
 * Every check on a signature, for both ways one arrives: the fast path answered before Remix
 * (app/http/petition-sign.server.ts) and the petition page's action. The petition must be taking
 * signatures and the form valid; a filled-in hidden field is a script, which gets the same answer
 * as everyone and records nothing; the postcode keeps only its outward code.
 */
export async function signFromForm(petition: { id: number; slug: string; title: string; status: string; closes_at: Date | string | null }, formData: FormData, network: string): Promise<SignOutcome> {
  if (!acceptingSignatures(petition)) return { status: "closed" };
  const parsed = parseForm(SignSchema, formData);
  if (!parsed.ok) return { status: "invalid", errors: parsed.errors, values: parsed.values };
  const { website, postcode, ...signer } = parsed.data;
  if (!website) await signPetition(db, petition, { ...signer, outwardCode: postcode, network });
  return { status: "signed", email: parsed.data.email };
}
