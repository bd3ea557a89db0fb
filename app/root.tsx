import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  type ShouldRevalidateFunction,
  Link,
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { FlashMessage, SiteFooter, SiteHeader } from "./components/layout";
import { PageMeta } from "./components/page-meta";
import stylesHref from "./styles/app.css";
import { readFlash } from "./utils/flash.server";
import { useNonce } from "./utils/nonce";
import { getShellUser } from "./members/shell.server";
import { pageTitle } from "./utils/meta";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Pages that fail before their own meta can run (an error bubbling to the root) are titled here.
export const meta: MetaFunction = ({ error, matches }) => pageTitle({ matches }, error ? errorCopyFor(error).title : "");

// The root loader hands out the one-time flash message; a background fetch (the live Markdown
// preview) must not make it reload and swallow the message before the page shows it.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction === "/demands/preview" ? false : defaultShouldRevalidate;

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ flash, setCookie }, shell] = await Promise.all([readFlash(request), getShellUser(request)]);
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  for (const cookie of shell.setCookies) headers.append("Set-Cookie", cookie);
  return data({ flash, user: shell.user }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const loaderData = useRouteLoaderData<typeof loader>("root");
  // A page whose route says `handle = { scripts: false }` (a printable document) is sent without JavaScript.
  const scripts = !useMatches().some((m) => (m.handle as { scripts?: boolean } | undefined)?.scripts === false);
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageMeta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <SiteHeader user={loaderData?.user ?? null} />
        <main id="main" className="page" tabIndex={-1}>
          <FlashMessage flash={loaderData?.flash ?? null} />
          {children}
        </main>
        <SiteFooter />
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    return <ErrorPage status={error.status} message={typeof error.data === "string" ? error.data : undefined} />;
  }
  // Never show a stack trace or internal message to the public; the server log has it.
  return <ErrorPage status={500} />;
}

const errorCopy: Record<number, { title: string; body: string }> = {
  400: { title: "Something was wrong with that request", body: "Go back and try again." },
  403: { title: "You cannot do that", body: "You do not have permission to see or change this." },
  404: { title: "Page not found", body: "If you typed the web address, check it is correct. If you followed a link, it may be out of date." },
  405: { title: "That is not allowed here", body: "Go back and try again." },
  429: { title: "Too many attempts", body: "Wait a few minutes and try again." },
};

const unexpectedCopy = {
  title: "Sorry, something went wrong",
  body: "We could not finish that. Nothing you had already saved has been lost. Try again in a moment.",
};

/** The words for whatever reached an error boundary: a thrown response by its status, anything else as unexpected. */
function errorCopyFor(error: unknown) {
  return (isRouteErrorResponse(error) ? errorCopy[error.status] : undefined) ?? unexpectedCopy;
}

export function ErrorPage({ status, message }: { status: number; message?: string }) {
  const copy = errorCopy[status] ?? unexpectedCopy;
  return (
    <div className="prose">
      <h1>{copy.title}</h1>
      <p>{message && status < 500 ? message : copy.body}</p>
      <p>
        <Link to="/">Go to the Chorus home page</Link>
      </p>
    </div>
  );
}
