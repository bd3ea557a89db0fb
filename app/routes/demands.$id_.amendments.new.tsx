import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { TextArea } from "~/components/form-field";
import { proposeAmendment } from "~/services/demand.server";
import { requireMember } from "~/members/session.server";
import { db } from "~/utils/db.server";
import { loadDemand } from "~/demands/access.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { renderMarkdown } from "~/utils/markdown.server";
import { splitParagraphs } from "~/demands/paragraphs";
import { canOnDemand } from "~/members/permissions";
import { forbidden, invalid } from "~/utils/responses.server";
import { multiline } from "~/utils/fields";
import { pageTitle } from "~/utils/meta";

/** Why a proposed amendment was refused, shown beside its text. */
const PROPOSAL_REFUSED = {
  "not-in-consultation": "Amendments can only be proposed during consultation.",
  "no-such-paragraph": "Choose a paragraph that exists.",
  unchanged: "The proposed text is the same as the current text.",
} as const;

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, "Propose an amendment", args.data?.demand.title ?? "");

export const AmendmentSchema = z.object({
  target: z.string({ error: "Choose what your amendment changes" }).regex(/^(whole|\d+)$/, { error: "Choose what your amendment changes" }),
  proposedText: multiline(z.string({ error: "Write the text you propose" }).trim().min(5, { error: "Write the text you propose" }).max(50_000, { error: "The proposed text must be 50,000 characters or fewer" })),
  rationale: multiline(z.string({ error: "Explain why" }).trim().min(10, { error: "Explain why, in 10 characters or more" }).max(2000, { error: "The rationale must be 2,000 characters or fewer" })),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  if (!canOnDemand(member, "demand.amend", context)) forbidden();
  const paragraphs = splitParagraphs(demand.body);
  // ?paragraph=2 (or =whole) is the member's choice; the form then starts from that text.
  const chosen = new URL(request.url).searchParams.get("paragraph");
  const index = chosen !== null && /^\d+$/.test(chosen) && Number(chosen) < paragraphs.length ? Number(chosen) : null;
  const target = chosen === "whole" ? "whole" : index !== null ? String(index) : null;
  return {
    demand: { id: demand.id, title: demand.title },
    // Each paragraph as readers see it (rendered), so members choose by meaning, not by Markdown: in
    // the list under the page's h1, and quoted under the form's h2 once chosen.
    paragraphs: paragraphs.map((text, i) => ({ index: i, html: renderMarkdown(text, { headingLevel: 2 }), quotedHtml: renderMarkdown(text, { headingLevel: 3 }) })),
    target,
    startingText: target === "whole" ? demand.body : index !== null ? paragraphs[index]! : "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const { demand, context } = await loadDemand(params.id, member);
  if (!canOnDemand(member, "demand.amend", context)) forbidden();
  const formData = await request.formData();
  const parsed = parseForm(AmendmentSchema, formData);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await proposeAmendment(db, demand.id, member.id, {
    paragraphIndex: parsed.data.target === "whole" ? null : Number(parsed.data.target),
    proposedText: parsed.data.proposedText,
    rationale: parsed.data.rationale,
  });
  if (!result.ok) return invalid({ proposedText: PROPOSAL_REFUSED[result.reason] }, formValues(formData, AmendmentSchema));
  return redirectWithFlash(request, `/demands/${demand.id}/amendments/${result.id}`, { kind: "success", message: "Your amendment is proposed. Members can now support and discuss it." });
}

export default function NewAmendment() {
  const { demand, paragraphs, target, startingText } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values;
  const chosen = valueOf(values, "target") || target;
  return (
    <>
      <p>
        <Link to={`/demands/${demand.id}`}>Back to the demand</Link>
      </p>
      <div className="form">
        <ErrorSummary errors={errors} order={["target", "proposedText", "rationale"]} />
        <h1>Propose an amendment to &ldquo;{demand.title}&rdquo;</h1>
        {chosen === null ? (
          <>
            <p className="lead">Choose the part you want to change. You can then rewrite it and say why.</p>
            <ol className="paragraph-picker">
              {paragraphs.map((p) => (
                <li key={p.index}>
                  <div className="paragraph-picker__text" dangerouslySetInnerHTML={{ __html: p.html }} />
                  <Link to={`?paragraph=${p.index}`} className="button button--secondary">
                    Change this<span className="visually-hidden"> (paragraph {p.index + 1})</span>
                  </Link>
                </li>
              ))}
            </ol>
            <p>
              <Link to="?paragraph=whole">Rewrite the whole text instead</Link>
            </p>
          </>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="target" value={chosen} />
            <h2>{chosen === "whole" ? "You are rewriting the whole text" : `You are changing paragraph ${Number(chosen) + 1}`}</h2>
            {chosen !== "whole" && paragraphs[Number(chosen)] ? (
              <div className="quoted" dangerouslySetInnerHTML={{ __html: paragraphs[Number(chosen)]!.quotedHtml }} />
            ) : null}
            <p>
              <Link to="?">Choose a different part</Link>
            </p>
            <TextArea
              name="proposedText"
              label="Your replacement text"
              hint="The current wording is filled in: change it to read as you want it to."
              limit={50_000}
              rows={chosen === "whole" ? 16 : 6}
              defaultValue={valueOf(values, "proposedText") || startingText}
              error={errors?.proposedText}
            />
            <TextArea name="rationale" label="Why?" hint="At least 10 characters. The authors and other members see this." limit={2000} rows={4} defaultValue={valueOf(values, "rationale")} error={errors?.rationale} />
            <button type="submit" className="button">
              Propose amendment
            </button>
          </Form>
        )}
      </div>
    </>
  );
}
