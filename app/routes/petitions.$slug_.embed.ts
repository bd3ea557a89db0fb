import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAppUrl } from "~/utils/env.server";
import { loadPublicPetition } from "~/petitions/access.server";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A small signature counter for partner organisations to put on their own sites:
 * `<iframe src="…/petitions/<slug>/embed" title="Petition: …" width="320" height="150"></iframe>`.
 * Plain HTML with no script, cached like count.json, framed by anyone (see security-headers.server.ts).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const petition = await loadPublicPetition(params.slug);
  const url = `${getAppUrl()}/petitions/${petition.slug}`;
  const share = Math.min(100, Math.round((petition.signature_count / petition.goal) * 100));
  const open = petition.status === "open";
  const html = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(petition.title)}</title>
<style>
body{margin:0;padding:12px;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2321;background:#fff}
p{margin:0 0 8px}.count{font-size:28px;font-weight:800}.bar{height:10px;background:#efede6;border-radius:5px;overflow:hidden;margin:0 0 10px}
.bar span{display:block;height:100%;background:#2b5a4d;width:${share}%}a{color:#1d5a8c;font-weight:700}a:focus{outline:3px solid #ffbf47;background:#ffbf47;color:#0b0c0c}
</style></head><body>
<p><span class="count">${petition.signature_count.toLocaleString("en-GB")}</span> signatures of ${petition.goal.toLocaleString("en-GB")}</p>
<div class="bar" aria-hidden="true"><span></span></div>
<p>${escape(petition.title)}</p>
<p><a href="${escape(url)}" target="_blank" rel="noopener">${open ? "Sign the petition" : "See the petition"}<span style="position:absolute;left:-9999px"> (opens in a new tab)</span></a></p>
</body></html>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=5, stale-while-revalidate=30" } });
}
