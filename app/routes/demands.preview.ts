import type { ActionFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/members/session.server";
import { renderMarkdown } from "~/utils/markdown.server";

/**
 * The live preview's renderer: the same sanitiser the demand page uses, so what you see is what you
 * get. Fetched by the editor's script (not the router), so it answers JSON itself.
 */
export async function action({ request }: ActionFunctionArgs) {
  await requireMember(request);
  const body = String((await request.formData()).get("body") ?? "").slice(0, 50_000);
  return Response.json({ html: renderMarkdown(body, { headingLevel: 3 }) }, { headers: { "Cache-Control": "no-store" } });
}
