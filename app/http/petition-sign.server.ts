import type { NextFunction, Request, Response } from "express";
import type { Database } from "../../db";
import { signFromForm } from "~/petitions/signing.server";
import { acceptingSignatures } from "~/petitions/status";
import { sentToCookie } from "~/utils/flash.server";
import { getPetitionForSigning } from "~/models/petition.server";
import { readGuardedRequest, refusalPage } from "./request-guard.server";

type OpenPetition = { id: number; slug: string; title: string; status: string; closes_at: Date | null };

/**
 * Signing a petition, answered before Remix: the busiest write Chorus has (the UK Parliament site
 * saw 2,000 a minute), so a valid signature costs one statement (signPetition) and a redirect, not a
 * trip through the router and seven round trips. Anything else (another intent, a closed or unknown
 * petition, a form with mistakes to show, a script-driven post) goes on to Remix, which runs the
 * same checks through the same signFromForm. The petition's row is cached for a second.
 */
export function petitionSignHandler(db: Database, now: () => number = Date.now) {
  const cache = new Map<string, { at: number; petition: Promise<OpenPetition | undefined> }>();
  const petitionFor = (slug: string) => {
    const at = now();
    let hit = cache.get(slug);
    if (!hit || at - hit.at > 1_000) {
      if (cache.size > 1_000) cache.clear();
      hit = { at, petition: getPetitionForSigning(db, slug) };
      cache.set(slug, hit);
    }
    return hit.petition;
  };
  return async (req: Request, res: Response, next: NextFunction) => {
    const guarded = await readGuardedRequest(req);
    // The body is read once: Remix gets the same guarded body if this goes on.
    res.locals.guarded = guarded;
    if (!guarded.ok) return refusalPage(req, res, guarded);
    if (!guarded.body || !guarded.contentType?.startsWith("application/x-www-form-urlencoded")) return next();
    const form = new URLSearchParams(guarded.body.toString("utf8"));
    if (form.get("intent") !== "sign" || req.params.slug!.includes(".")) return next();
    const petition = await petitionFor(req.params.slug!);
    // Anything but a valid signature to an open petition goes on to Remix, which explains it.
    if (!petition || !acceptingSignatures(petition)) return next();
    const signed = await signFromForm(petition, form as unknown as FormData, req.ip ?? "unknown");
    if (signed.status !== "signed") return next();
    res.append("Set-Cookie", await sentToCookie(signed.email));
    res.setHeader("Cache-Control", "no-store");
    // A bare redirect: Express's res.redirect negotiates a body nobody reads (a tenth of this path's CPU).
    res.setHeader("Location", "/check-email?for=petition");
    res.status(302).end();
  };
}
