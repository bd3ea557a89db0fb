import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "~/utils/db.server";
import { listOutboxMessages, OUTBOX_PAGE_SIZE } from "~/models/email.server";
import { isOutboxEnabled } from "~/services/email.server";
import { parseId } from "~/utils/ids";
import { formatLondonMedium } from "~/utils/london-time";
import { TableFrame } from "~/components/table-frame";
import { notFound } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "Development outbox");

export async function loader({ request }: LoaderFunctionArgs) {
  if (!isOutboxEnabled()) notFound();
  const url = new URL(request.url);
  const to = url.searchParams.get("to")?.trim() || undefined;
  const before = parseId(url.searchParams.get("before")) ?? undefined;
  const messages = await listOutboxMessages(db, { to, before, limit: OUTBOX_PAGE_SIZE + 1 });
  const hasMore = messages.length > OUTBOX_PAGE_SIZE;
  const page = messages.slice(0, OUTBOX_PAGE_SIZE);
  return { messages: page, to: to ?? "", nextBefore: hasMore ? page[page.length - 1]?.id : undefined };
}

export default function Outbox() {
  const { messages, to, nextBefore } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <h1>Development outbox</h1>
        <p className="lead">
          No email provider is configured, so every email Chorus would send is kept here instead. Set RESEND_API_KEY to send real mail.
        </p>
      </div>
      <Form method="get" className="form" role="search">
        <div className="field">
          <label className="field__label" htmlFor="outbox-to">
            Recipient
          </label>
          <input className="input" id="outbox-to" name="to" type="email" defaultValue={to} autoComplete="off" />
        </div>
        <button className="button button--secondary" type="submit">
          Filter
        </button>
      </Form>
      {messages.length === 0 ? (
        <p>No messages{to ? ` to ${to}` : ""} yet.</p>
      ) : (
        <TableFrame label="Messages in the outbox">
          <table className="table">
            <caption className="visually-hidden">Messages, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">To</th>
                <th scope="col">Stored</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>
                    <Link to={`/dev/outbox/${message.id}`}>{message.subject}</Link>
                  </td>
                  <td>{message.to_address}</td>
                  <td>{formatLondonMedium(message.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      {nextBefore ? (
        <nav className="pagination" aria-label="Outbox pages">
          <Link to={`?${new URLSearchParams({ ...(to ? { to } : {}), before: String(nextBefore) })}`}>Older messages</Link>
        </nav>
      ) : null}
    </>
  );
}
