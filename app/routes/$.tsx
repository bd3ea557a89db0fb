import { ErrorPage } from "~/root";

// Any address no other route claims: a real 404 status with the site's own page.
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return <ErrorPage status={404} />;
}
