import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { db } from "~/utils/db.server";
import { getOutboxMessage } from "~/models/email.server";
import { isOutboxEnabled } from "~/services/email.server";
import { requireId } from "~/utils/ids";
import { notFound } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, args.data?.message.subject ?? "Message", "Outbox");

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isOutboxEnabled()) notFound();
  const message = await getOutboxMessage(db, requireId(params.id));
  if (!message) notFound();
  return { message };
}

export default function OutboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  const headers = Object.entries(message.headers ?? {});
  return (
    <>
      <p>
        <Link to="/dev/outbox">Back to the outbox</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl className="summary-list">
        <dt>From</dt>
        <dd>{message.from_address}</dd>
        <dt>To</dt>
        <dd>{message.to_address}</dd>
        {message.reply_to ? (
          <>
            <dt>Reply to</dt>
            <dd>{message.reply_to}</dd>
          </>
        ) : null}
        {headers.map(([name, value]) => (
          <Fragment key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>Plain text</h2>
      <pre className="plain-text" data-testid="email-text">
        {message.text}
      </pre>
      <h2>HTML</h2>
      <iframe className="email-frame" title={`HTML version of “${message.subject}”`} src={`/dev/outbox/${message.id}/html`} sandbox="" />
    </>
  );
}
