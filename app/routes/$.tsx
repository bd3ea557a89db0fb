import { ErrorPage } from "~/root";
import { notFound } from "~/utils/responses.server";

// Any address no other route claims: a real 404 status with the site's own page.
export function loader() {
  notFound();
}

export default function NotFound() {
  return <ErrorPage status={404} />;
}
