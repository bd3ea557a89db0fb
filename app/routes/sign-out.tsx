import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/members/session.server";
import { redirectWithFlash } from "~/utils/flash.server";

// Signing out is a POST (a link could be triggered by another site or a prefetch).
export function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await endSession(request);
  return redirectWithFlash(request, "/", { kind: "info", message: "You are signed out." }, { headers: { "Set-Cookie": cookie } });
}
