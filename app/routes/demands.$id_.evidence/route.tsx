import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SOURCE_KINDS } from "../../../db/schema";
import { ErrorSummary } from "~/components/error-summary";
import { EvidenceList, SourceItem } from "~/components/evidence-list";
import { ChoiceGroup, TextArea, TextField } from "~/components/form-field";
import { loadDemand } from "~/demands/access.server";
import { gathersEvidence, SOURCE_KIND_LABELS, SOURCES_PER_PAGE } from "~/demands/evidence";
import { getCurrentMember, requireMember } from "~/members/session.server";
import { listAcceptedSources, listMySources, listSuggestedSources } from "~/models/source.server";
import { db } from "~/utils/db.server";
import { valueOf } from "~/utils/forms";
import { parseId, parsePage } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";
import { countOf } from "~/utils/plural";
import { badRequest } from "~/utils/responses.server";
import { decideIntent, suggestIntent } from "./intents.server";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, args.data && args.data.page > 1 ? `Evidence, page ${args.data.page}` : "Evidence", args.data?.demand.title ?? "");

/** The most suggestions shown to the authors at once, oldest first; deciding on them brings on the next. */
const SUGGESTIONS_SHOWN = 50;
const MINE_SHOWN = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  const url = new URL(request.url);
  const page = parsePage(url.searchParams.get("page"));
  const gathering = gathersEvidence(demand.stage);
  const [accepted, suggestions, mine] = await Promise.all([
    listAcceptedSources(db, demand.id, { page, perPage: SOURCES_PER_PAGE }),
    context.isAuthor && gathering ? listSuggestedSources(db, demand.id, SUGGESTIONS_SHOWN) : [],
    member && !context.isAuthor ? listMySources(db, demand.id, member.id, MINE_SHOWN) : [],
  ]);
  const declining = parseId(url.searchParams.get("decline"));
  return {
    demand: { id: demand.id, title: demand.title },
    page,
    pages: Math.max(1, Math.ceil(accepted.total / SOURCES_PER_PAGE)),
    total: accepted.total,
    sources: accepted.sources,
    // Authors see who suggested each source by the name they show; never an address.
    suggestions: suggestions.map(({ suggester_deleted_at, suggested_by_name, created_at: _created, ...s }) => ({ ...s, suggestedBy: suggester_deleted_at || !suggested_by_name ? "Former member" : suggested_by_name })),
    mine,
    declining: suggestions.some((s) => s.id === declining) ? declining : null,
    isAuthor: context.isAuthor,
    gathering,
    signedIn: Boolean(member),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const args = { request, member, demand, context, formData };
  if (intent === "suggest") return suggestIntent(args);
  if (intent === "accept" || intent === "decline") return decideIntent(args, intent === "accept");
  badRequest();
}

const KIND_OPTIONS = SOURCE_KINDS.map((kind) => ({ value: kind, label: SOURCE_KIND_LABELS[kind] }));

export default function EvidencePage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors as Record<string, string> | undefined;
  const values = result?.values;
  const intent = valueOf(values, "intent");
  const { demand } = data;
  const declining = data.declining ?? (intent === "decline" ? parseId(valueOf(values, "sourceId")) : null);
  return (
    <>
      <p>
        <Link to={`/demands/${demand.id}`}>Back to “{demand.title}”</Link>
      </p>
      <ErrorSummary errors={errors} order={["form", "title", "author", "year", "url", "finding", "kind", "reason"]} />
      <h1>Evidence behind “{demand.title}”</h1>
      <p className="lead">The research, statistics, inquiries and lived-experience surveys this demand rests on. The text cites each by its number, like [1].</p>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources{data.total ? ` (${data.total.toLocaleString("en-GB")})` : ""}</h2>
        {data.sources.length ? <EvidenceList sources={data.sources} /> : <p>{data.page > 1 ? "There are no sources on this page." : "No sources have been accepted yet."}</p>}
        {data.pages > 1 ? (
          <nav className="pagination" aria-label="Pages of sources">
            {data.page > 1 ? <Link to={`?page=${data.page - 1}#sources-heading`}>Previous sources</Link> : null}
            <span>
              Page {data.page} of {data.pages}
            </span>
            {data.page < data.pages ? <Link to={`?page=${data.page + 1}#sources-heading`}>More sources</Link> : null}
          </nav>
        ) : null}
      </section>

      {data.isAuthor && data.gathering ? (
        <section aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading">Suggestions waiting for the authors</h2>
          {data.suggestions.length ? (
            <>
              <p>Accept a source to give it the next number, or decline it with a reason. The member who suggested it is told either way.</p>
              <ul className="evidence-list">
                {data.suggestions.map((s) => (
                  <SourceItem key={s.id} source={s}>
                    <p className="small">Suggested by {s.suggestedBy}</p>
                    {declining === s.id ? (
                      <Form method="post" className="form" noValidate id="decline">
                        <input type="hidden" name="sourceId" value={s.id} />
                        <TextArea name="reason" label={`Why are you declining “${s.title}”?`} hint="The member who suggested it sees this." limit={1000} rows={3} defaultValue={valueOf(values, "reason")} error={errors?.reason} />
                        <div className="button-row">
                          <button type="submit" name="intent" value="decline" className="button button--secondary">
                            Decline
                          </button>
                          <Link to="?#suggestions-heading">Cancel</Link>
                        </div>
                      </Form>
                    ) : (
                      <div className="button-row">
                        <Form method="post">
                          <input type="hidden" name="sourceId" value={s.id} />
                          <button type="submit" name="intent" value="accept" className="button">
                            Accept<span className="visually-hidden"> “{s.title}”</span>
                          </button>
                        </Form>
                        <Link to={`?decline=${s.id}#decline`} className="button button--secondary">
                          Decline<span className="visually-hidden"> “{s.title}”</span>
                        </Link>
                      </div>
                    )}
                  </SourceItem>
                ))}
              </ul>
            </>
          ) : (
            <p>No suggestions are waiting.</p>
          )}
        </section>
      ) : null}

      {data.mine.length ? (
        <section aria-labelledby="my-suggestions-heading">
          <h2 id="my-suggestions-heading">Your suggestions</h2>
          <ul className="evidence-list">
            {data.mine.map((s) => (
              <SourceItem key={s.id} source={s}>
                <p className="small">{s.status === "declined" ? `Declined. The authors’ reason: ${s.decline_reason ?? ""}` : "Waiting for the authors."}</p>
              </SourceItem>
            ))}
          </ul>
        </section>
      ) : null}

      {data.gathering ? (
        <section aria-labelledby="suggest-heading" className="section">
          <h2 id="suggest-heading">{data.isAuthor ? "Add a source" : "Suggest a source"}</h2>
          {!data.signedIn ? (
            <p>
              <Link to={`/sign-in?redirectTo=/demands/${demand.id}/evidence`}>Sign in</Link> to suggest a source.
            </p>
          ) : (
            <Form method="post" className="form" noValidate>
              <p>{data.isAuthor ? "As an author, a source you add is accepted at once and takes the next number." : `The authors decide whether to add it. ${countOf(data.total, "source is", "sources are")} in the list now.`}</p>
              <TextField name="title" label="Title" limit={300} defaultValue={intent === "suggest" ? valueOf(values, "title") : undefined} error={intent === "suggest" ? errors?.title : undefined} />
              <TextField name="author" label="Author or body" hint="Who wrote or published it, like “Mind” or “Office for National Statistics”." limit={300} defaultValue={intent === "suggest" ? valueOf(values, "author") : undefined} error={intent === "suggest" ? errors?.author : undefined} />
              <TextField name="year" label="Year (optional)" hint="4 digits, like 2019." inputMode="numeric" autoComplete="off" defaultValue={intent === "suggest" ? valueOf(values, "year") : undefined} error={intent === "suggest" ? errors?.year : undefined} />
              <TextField name="url" label="Link (optional)" hint="Where readers can find it, starting https://" type="url" spellCheck={false} defaultValue={intent === "suggest" ? valueOf(values, "url") : undefined} error={intent === "suggest" ? errors?.url : undefined} />
              <TextField name="finding" label="What it found, in one line" limit={400} defaultValue={intent === "suggest" ? valueOf(values, "finding") : undefined} error={intent === "suggest" ? errors?.finding : undefined} />
              <ChoiceGroup name="kind" legend="What kind of source is it?" type="radio" options={KIND_OPTIONS} selected={intent === "suggest" ? [valueOf(values, "kind")] : []} error={intent === "suggest" ? errors?.kind : undefined} />
              <button type="submit" name="intent" value="suggest" className="button">
                {data.isAuthor ? "Add source" : "Suggest source"}
              </button>
            </Form>
          )}
        </section>
      ) : (
        <p>This demand is no longer gathering evidence.</p>
      )}
    </>
  );
}
