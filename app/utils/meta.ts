import type { MetaDescriptor } from "@remix-run/node";

export const SITE_NAME = "Chorus";

/**
 * Set by <PageMeta> on the root route's data while the page shows a form the server refused. Meta
 * functions see loader data only, never an action's answer, so this is how a title learns of it.
 */
export const FORM_REFUSED = "formRefused";

/** What pageTitle needs of Remix's MetaArgs (the matched routes and their data). */
export interface TitleArgs {
  matches: ReadonlyArray<{ id: string; data: unknown }>;
}

/**
 * Every page's <title>, built one way: the page first (as its h1 says it), then the part of Chorus it
 * belongs to, then "Chorus": pageTitle(args, "Verify organisations", "Admin") gives "Verify
 * organisations – Admin – Chorus". After a refused submit it begins "Error: ", as GOV.UK's titles do,
 * so a screen reader hears that something needs fixing before anything else.
 */
export function pageTitle(args: TitleArgs, ...parts: string[]): MetaDescriptor[] {
  return [{ title: titleText(parts, formRefused(args)) }];
}

export function titleText(parts: string[], refused = false) {
  const title = [...parts.filter(Boolean), SITE_NAME].join(" – ");
  return refused ? `Error: ${title}` : title;
}

function formRefused({ matches }: TitleArgs) {
  const root = matches.find((match) => match.id === "root")?.data;
  return typeof root === "object" && root !== null && (root as Record<string, unknown>)[FORM_REFUSED] === true;
}

/** An action's answer is a refused form when it carries at least one message (a preview carries none). */
export function isRefusedForm(actionData: unknown): boolean {
  if (typeof actionData !== "object" || actionData === null || !("errors" in actionData)) return false;
  const errors = (actionData as { errors: unknown }).errors;
  return typeof errors === "object" && errors !== null && Object.keys(errors).length > 0;
}
