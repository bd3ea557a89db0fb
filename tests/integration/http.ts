import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "kysely";
import type { Database } from "../../db";

/**
 * Calls route loaders and actions the way Remix does, with a real Request, and turns whatever
 * they return or throw (a Response, `data()`, a plain object) into one shape to assert on.
 */
export interface Outcome {
  status: number;
  location: string | null;
  setCookies: string[];
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

type RouteFn = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

export function request(path: string, options: { method?: string; form?: Record<string, string | string[]>; cookie?: string; headers?: Record<string, string> } = {}) {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body: URLSearchParams | undefined;
  if (options.form) {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(options.form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(`http://localhost:3000${path}`, { method: options.method ?? (options.form ? "POST" : "GET"), headers, body });
}

export async function call(
  fn: RouteFn,
  req: Request,
  params: Record<string, string> = {},
  clientIp = "203.0.113.10",
): Promise<Outcome> {
  let result: unknown;
  try {
    result = await fn({ request: req, params, context: { cspNonce: "", clientIp } } as never);
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    const text = await result.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: result.status, location: result.headers.get("Location"), setCookies: result.headers.getSetCookie(), data };
  }
  if (result && typeof result === "object" && "type" in result && (result as { type: string }).type === "DataWithResponseInit") {
    const r = result as unknown as { data: unknown; init: ResponseInit | null };
    const headers = new Headers(r.init?.headers);
    return { status: r.init?.status ?? 200, location: headers.get("Location"), setCookies: headers.getSetCookie(), data: r.data };
  }
  return { status: 200, location: null, setCookies: [], data: result };
}

/** The cookie header a browser would send back after these Set-Cookie headers. */
export function cookieFrom(setCookies: string[], existing = "") {
  const jar = new Map(existing.split("; ").filter(Boolean).map((c) => c.split("=", 2) as [string, string]));
  for (const header of setCookies) {
    const [pair] = header.split(";");
    const [name, value] = pair!.split("=", 2) as [string, string];
    if (/expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** The newest queued email to `to` (its template and props, before rendering). */
export async function latestEmail(db: Database, to: string, template?: string) {
  return db
    .selectFrom("email")
    .select(["id", "template", "props", "to_address"])
    .where("to_address", "=", to.toLowerCase())
    .$if(Boolean(template), (qb) => qb.where("template", "=", template!))
    .orderBy("id", "desc")
    .executeTakeFirst();
}

export async function countEmails(db: Database, to: string) {
  const row = await db.selectFrom("email").select(sql<number>`count(*)`.as("n")).where("to_address", "=", to.toLowerCase()).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The token at the end of an emailed link. */
export function tokenFrom(url: unknown) {
  const match = String(url).match(/\/([a-z2-7]{52})$/);
  if (!match) throw new Error(`no token in ${String(url)}`);
  return match[1]!;
}
