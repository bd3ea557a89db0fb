import type { MetaFunction } from "@remix-run/node";
import { ErrorPage } from "~/root";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction = (args) => pageTitle(args, "Page not found");

// Any address no other route claims: a real 404 status with the site's own page.
export function loader() {
  notFound();
}

export default function NotFound() {
  return <ErrorPage status={404} />;
}
