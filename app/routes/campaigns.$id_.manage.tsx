import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampaignFields } from "~/components/campaign-fields";
import { ConfirmPanel } from "~/components/confirm";
import { ErrorSummary } from "~/components/error-summary";
import { ChoiceGroup, TextArea, TextField } from "~/components/form-field";
import { listEligiblePartners, listOrganisers, listPartners, listVerifiedOrganisationsOf, removeOrganiser, removePartner, updateCampaignFields } from "~/models/campaign.server";
import { findMembersByName } from "~/models/member.server";
import { listCampaignPetitions } from "~/models/petition.server";
import { addCampaignPartner, addCoOrganiser, endCampaign, postCampaignEntry } from "~/services/campaign.server";
import { requireCampaignManager } from "~/campaigns/access.server";
import { CampaignSchema, EndSchema, ENTRY_KINDS, EntrySchema } from "~/campaigns/forms";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, parseForm, valueOf } from "~/utils/forms";
import { parseId } from "~/utils/ids";
import { todayInLondon } from "~/utils/london-time";
import { checkRateLimit, RATE_LIMITS } from "~/services/rate-limit.server";
import { badRequest, invalid } from "~/utils/responses.server";

export const meta: MetaFunction = () => [{ title: "Manage the campaign – Chorus" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member, campaign } = await requireCampaignManager(request, params.id);
  const url = new URL(request.url);
  const [organisers, partners, eligible, petitions] = await Promise.all([
    listOrganisers(db, campaign.id),
    listPartners(db, campaign.id),
    listEligiblePartners(db, campaign.demand_id),
    listCampaignPetitions(db, campaign.id),
  ]);
  // Co-organisers are found by the name they show, never by email; searching is rate limited.
  const q = url.searchParams.get("organiser")?.trim().slice(0, 60) ?? "";
  const limited = q ? await checkRateLimit(db, RATE_LIMITS.memberSearchPerMember, String(member.id)) : ({ ok: true } as const);
  const found = q && limited.ok ? await findMembersByName(db, q, { excludeIds: organisers.map((o) => o.id) }) : [];
  const theirOrganisations = await listVerifiedOrganisationsOf(db, found.map((f) => f.id));
  const removing = organisers.find((o) => o.id === parseId(url.searchParams.get("remove-organiser")) && !o.lead);
  return {
    campaign: { id: campaign.id, title: campaign.title, pitch: campaign.pitch, ask: campaign.ask, target: campaign.target, endsOn: campaign.ends_on ?? "" },
    organisers,
    partners,
    petitions,
    addablePartners: eligible.filter((o) => !partners.some((p) => p.id === o.id)),
    q,
    searchError: limited.ok ? null : limited.message,
    candidates: found.map((f) => ({ id: f.id, name: f.display_name, organisations: theirOrganisations.get(f.id) ?? [] })),
    removing: removing ? { id: removing.id, name: removing.display_name } : null,
    today: todayInLondon(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, campaign } = await requireCampaignManager(request, params.id);
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const back = `/campaigns/${campaign.id}/manage`;

  if (intent === "entry") {
    const parsed = parseForm(EntrySchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const { kind, headline, text, link, happenedOn } = parsed.data;
    const id = await postCampaignEntry(db, campaign.id, member.id, { kind, title: headline, body: text, link, happenedOn });
    if (!id) return invalid({ form: "This campaign has ended, so its timeline is closed." }, formValues(formData, EntrySchema));
    return redirectWithFlash(request, `/campaigns/${campaign.id}#timeline-heading`, { kind: "success", message: "Posted to the campaign's timeline." });
  }
  if (intent === "details") {
    const parsed = parseForm(CampaignSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const { partners: _ignored, ...fields } = parsed.data;
    await updateCampaignFields(db, campaign.id, fields);
    return redirectWithFlash(request, back, { kind: "success", message: "The campaign's details are saved." });
  }
  if (intent === "add-organiser") {
    const memberId = parseId(formData.get("memberId"));
    if (memberId === null) badRequest();
    const result = await addCoOrganiser(db, campaign.id, memberId, parseId(formData.get("organisationId")));
    if (!result.ok) return invalid({ form: result.reason });
    return redirectWithFlash(request, back, { kind: "success", message: "Co-organiser added." });
  }
  if (intent === "remove-organiser") {
    const memberId = parseId(formData.get("memberId"));
    if (memberId === null) badRequest();
    const removed = await removeOrganiser(db, campaign.id, memberId);
    return redirectWithFlash(request, back, removed ? { kind: "success", message: "Co-organiser removed." } : { kind: "info", message: "The lead organiser stays; nothing changed." });
  }
  if (intent === "add-partner" || intent === "remove-partner") {
    const organisationId = parseId(formData.get("organisationId"));
    if (organisationId === null) badRequest();
    if (intent === "remove-partner") await removePartner(db, campaign.id, organisationId);
    else if (!(await addCampaignPartner(db, campaign, organisationId))) return invalid({ form: "Only verified organisations that endorse the demand can be partners." });
    return redirectWithFlash(request, back, { kind: "success", message: intent === "add-partner" ? "Partner added." : "Partner removed." });
  }
  if (intent === "end") {
    const parsed = parseForm(EndSchema, formData);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    // Ending cannot be undone: the first submit only asks; the confirmation carries the same fields back.
    if (formData.get("confirmed") !== "yes") return { confirmEnd: parsed.data };
    const ended = await endCampaign(db, campaign.id, member.id, parsed.data.outcome, { title: parsed.data.result, body: parsed.data.resultText, link: parsed.data.resultLink });
    if (!ended) return invalid({ form: "This campaign has already ended." });
    return redirectWithFlash(request, `/campaigns/${campaign.id}`, { kind: "success", message: parsed.data.outcome === "won" ? "Marked as won. Congratulations to everyone who took part." : "The campaign is closed." });
  }
  badRequest();
}

export default function ManageCampaign() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? (result.errors as Record<string, string>) : undefined;
  const values = result && "values" in result ? (result.values as Record<string, string | string[]>) : undefined;
  const intent = valueOf(values, "intent");
  const confirmEnd = result && "confirmEnd" in result ? result.confirmEnd : null;
  const { campaign } = data;
  return (
    <>
      <p>
        <Link to={`/campaigns/${campaign.id}`}>Back to the campaign page</Link> · <Link to={`/campaigns/${campaign.id}/dashboard`}>Dashboard</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1>Manage &ldquo;{campaign.title}&rdquo;</h1>

      {confirmEnd ? (
        <ConfirmPanel
          heading={confirmEnd.outcome === "won" ? "Mark this campaign as won?" : "Close this campaign?"}
          confirm={confirmEnd.outcome === "won" ? "Yes, mark it as won" : "Yes, close the campaign"}
          cancelTo="#end-heading"
          fields={{ intent: "end", confirmed: "yes", outcome: confirmEnd.outcome, result: confirmEnd.result, resultText: confirmEnd.resultText, resultLink: confirmEnd.resultLink ?? "" }}
          warning={confirmEnd.outcome === "closed"}
        >
          <p>
            &ldquo;{confirmEnd.result}&rdquo; goes on the timeline, the demand moves to {confirmEnd.outcome === "won" ? "won" : "closed"} in its decision log, and
            the campaign can no longer be changed. This cannot be undone.
          </p>
        </ConfirmPanel>
      ) : null}

      <section className="section" aria-labelledby="petitions-heading">
        <h2 id="petitions-heading">Petitions</h2>
        <ul className="task-list">
          {data.petitions.map((p) => (
            <li key={p.id}>
              <Link to={`/petitions/${p.slug}`}>{p.title}</Link>
              <span className="task-list__when">
                {p.status === "draft" ? "Draft" : p.status === "open" ? "Open" : "Closed"} · {p.signature_count.toLocaleString("en-GB")} signatures
              </span>
            </li>
          ))}
        </ul>
        <Link to={`/campaigns/${campaign.id}/petitions/new`} className="button button--secondary">
          Start a petition
        </Link>
      </section>

      <section className="section" aria-labelledby="letters-heading">
        <h2 id="letters-heading">Letters</h2>
        <p>Supporters write to decision makers in their own words: their own MP or councillors by postcode, or those you choose.</p>
        <p className="button-row">
          <Link to={`/campaigns/${campaign.id}/letters/new`} className="button button--secondary">
            Start a letter campaign
          </Link>
          <Link to="/targets">Decision makers</Link>
        </p>
        <p className="small">
          The campaign dashboard lists its letter campaigns, with what needs you.
        </p>
      </section>

      <section className="section form" aria-labelledby="entry-heading">
        <h2 id="entry-heading">Post to the timeline</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="entry" />
          <ChoiceGroup
            name="kind"
            type="radio"
            legend="What is it?"
            error={intent === "entry" ? errors?.kind : undefined}
            options={Object.entries(ENTRY_KINDS).map(([value, label]) => ({ value, label }))}
            selected={[valueOf(values, "kind") || "update"]}
          />
          <TextField name="headline" label="Headline" limit={150} defaultValue={valueOf(values, "headline")} error={errors?.headline} />
          <TextArea
            name="text"
            label="Text (optional)"
            hint="Markdown: # for headings, - for lists, [text](https://…) for links."
            limit={10_000}
            rows={6}
            defaultValue={valueOf(values, "text")}
            error={errors?.text}
          />
          <TextField name="link" type="url" label="Link (optional)" hint="For example, the published response." defaultValue={valueOf(values, "link")} error={errors?.link} />
          <TextField name="happenedOn" type="date" className="input--short" label="When it happened" defaultValue={(intent === "entry" && valueOf(values, "happenedOn")) || data.today} error={intent === "entry" ? errors?.happenedOn : undefined} />
          <button type="submit" className="button">
            Post
          </button>
        </Form>
      </section>

      <section className="section" aria-labelledby="organisers-heading">
        <h2 id="organisers-heading">Organisers</h2>
        {data.removing ? (
          <ConfirmPanel heading={`Remove ${data.removing.name} as an organiser?`} confirm={`Yes, remove ${data.removing.name}`} cancelTo="#organisers-heading" fields={{ intent: "remove-organiser", memberId: data.removing.id }}>
            <p>They will no longer be able to manage this campaign. You can add them again later.</p>
          </ConfirmPanel>
        ) : null}
        <ul className="task-list">
          {data.organisers.map((o) => (
            <li key={o.id}>
              <span>
                {o.display_name}
                {o.lead ? " (lead organiser)" : ""}
                {o.organisation_name ? `, for ${o.organisation_name}` : ""}
              </span>
              {o.lead ? null : (
                <Link to={`?remove-organiser=${o.id}#organisers-heading`}>
                  Remove<span className="visually-hidden"> {o.display_name}</span>
                </Link>
              )}
            </li>
          ))}
        </ul>
        <Form method="get" className="form" role="search" aria-label="Find a co-organiser">
          <TextField name="organiser" label="Add a co-organiser: search by name" defaultValue={data.q} />
          <button type="submit" className="button button--secondary">
            Find
          </button>
        </Form>
        {data.searchError ? <p className="field__error">{data.searchError}</p> : null}
        {data.q && !data.searchError && data.candidates.length === 0 ? <p>No member with a name like &ldquo;{data.q}&rdquo;.</p> : null}
        <ul className="task-list">
          {data.candidates.map((c) => (
            <li key={c.id}>
              <Form method="post" className="member-row__form">
                <input type="hidden" name="intent" value="add-organiser" />
                <input type="hidden" name="memberId" value={c.id} />
                <span>{c.name}</span>
                {c.organisations.length ? (
                  <>
                    <label className="visually-hidden" htmlFor={`acting-${c.id}`}>
                      {c.name} acts for
                    </label>
                    <select id={`acting-${c.id}`} name="organisationId" className="select">
                      <option value="">Acting for themselves</option>
                      {c.organisations.map((o) => (
                        <option key={o.id} value={o.id}>
                          For {o.name}
                        </option>
                      ))}
                    </select>
                  </>
                ) : null}
                <button type="submit" className="button button--secondary">
                  Add {c.name} as co-organiser
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="partners-heading">
        <h2 id="partners-heading">Partner organisations</h2>
        <p className="small">Verified organisations that endorse the demand can be listed as partners.</p>
        <ul className="task-list">
          {data.partners.map((p) => (
            <li key={p.id}>
              <span>{p.name}</span>
              <Form method="post">
                <input type="hidden" name="intent" value="remove-partner" />
                <input type="hidden" name="organisationId" value={p.id} />
                <button type="submit" className="link-button">
                  Remove<span className="visually-hidden"> {p.name} as a partner</span>
                </button>
              </Form>
            </li>
          ))}
          {data.addablePartners.map((p) => (
            <li key={p.id}>
              <span>{p.name} (endorses the demand)</span>
              <Form method="post">
                <input type="hidden" name="intent" value="add-partner" />
                <input type="hidden" name="organisationId" value={p.id} />
                <button type="submit" className="button button--secondary">
                  List {p.name} as a partner
                </button>
              </Form>
            </li>
          ))}
        </ul>
        {data.partners.length + data.addablePartners.length === 0 ? <p>No verified organisation endorses the demand yet.</p> : null}
      </section>

      <section className="section form" aria-labelledby="details-heading">
        <h2 id="details-heading">The campaign&apos;s details</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="details" />
          <CampaignFields values={intent === "details" ? values : { title: campaign.title, pitch: campaign.pitch, ask: campaign.ask, target: campaign.target, endsOn: campaign.endsOn }} errors={intent === "details" ? errors : undefined} />
          <button type="submit" className="button">
            Save details
          </button>
        </Form>
      </section>

      <section className="danger-zone section" aria-labelledby="end-heading">
        <h2 id="end-heading">End the campaign</h2>
        <p>When the demand is won, or the coalition decides to stop, end the campaign. You will be asked to confirm.</p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="end" />
          <ChoiceGroup
            name="outcome"
            type="radio"
            legend="How did it end?"
            error={intent === "end" ? errors?.outcome : undefined}
            options={[
              { value: "won", label: "Won: the change we asked for is happening" },
              { value: "closed", label: "Closed: we are stopping without winning it" },
            ]}
            selected={[valueOf(values, "outcome")]}
          />
          <TextField name="result" label="What happened, in a line" limit={150} defaultValue={valueOf(values, "result")} error={errors?.result} />
          <TextArea name="resultText" label="More detail (optional)" limit={10_000} rows={4} defaultValue={valueOf(values, "resultText")} error={errors?.resultText} />
          <TextField name="resultLink" type="url" label="A link about it (optional)" defaultValue={valueOf(values, "resultLink")} error={errors?.resultLink} />
          <button type="submit" className="button button--warning">
            End the campaign…
          </button>
        </Form>
      </section>
    </>
  );
}
