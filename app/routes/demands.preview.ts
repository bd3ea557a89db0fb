import type { ActionFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/members/session.server";
import { renderMarkdown } from "~/utils/markdown.server";

/** The live preview's renderer: the same sanitiser the demand page uses, so what you see is what you get. */
export async function action({ request }: ActionFunctionArgs) {
  await requireMember(request);
  const body = String((await request.formData()).get("body") ?? "").slice(0, 50_000);
  return { html: renderMarkdown(body, { headingLevel: 3 }) };
}
