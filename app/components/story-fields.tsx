import { ChoiceGroup, TextArea, TextField } from "./form-field";
import { TOPIC_LABELS, TOPICS } from "~/demands/labels";
import { AUDIENCES, CONTENT_NOTE_CATEGORIES, CONTENT_NOTES, NAME_CHOICES, type StoryAudience, type StoryNameChoice } from "~/stories/labels";
import { STORY_LIMITS } from "~/stories/limits";
import { valueOf, valuesOf, type FieldErrors, type FormValues } from "~/utils/forms";

/**
 * The fields of a story and of its consents, shared by a member's form (/stories/new, editing, the
 * story's own page) and the form without an account (after confirming a signature or a letter), so
 * both say the same things in the same words. No Zod here: the story's public page loads this file.
 */

/** The error summary's order: every field of a story's forms as they appear on the page. */
export const STORY_FIELD_ORDER = ["form", "title", "body", "easyRead", "contentNotes", "contentNoteDetail", "topics", "demandIds", "audience", "campaignIds", "nameChoice", "firstName", "organisationId", "place", "mayQuote", "forResearch"];

/** What a teller needs to know before they write, said plainly. */
export function StoryNotice({ withAccount }: { withAccount: boolean }) {
  return (
    <div className="story-notice">
      <h2 className="story-notice__title">Before you start</h2>
      <ul>
        <li>Tell what happened in your own words. There is no box for a diagnosis, on purpose: your experience does not need a label to count, and labels can be used against people.</li>
        <li>A story about your health is special-category data under UK law. We keep it only for what you agree to below, and never put its words in an email.</li>
        <li>A moderator reads every story before anyone else can. While it waits, only you and the moderators can read it.</li>
        <li>Every choice below is separate, and you can change it, or withdraw your story, at any time{withAccount ? " from its page" : " with the link we email you"}.</li>
      </ul>
    </div>
  );
}

interface FieldsProps {
  values: FormValues | undefined;
  errors: FieldErrors | undefined;
}

export function StoryTextFields({ values, errors, demands }: FieldsProps & { demands: Array<{ id: number; title: string }> }) {
  return (
    <>
      <TextField name="title" label="Title" hint="A few words that say what your story is about." limit={STORY_LIMITS.title} defaultValue={valueOf(values, "title")} error={errors?.title} />
      <TextArea
        name="body"
        label="Your story"
        hint="What happened, in your own words. You can use Markdown: a blank line starts a new paragraph, *stars* make emphasis."
        limit={STORY_LIMITS.body}
        rows={12}
        defaultValue={valueOf(values, "body")}
        error={errors?.body}
      />
      <TextArea name="easyRead" label="An easy-read version (optional)" hint="Short sentences and everyday words, for readers who find long text hard." limit={STORY_LIMITS.easyRead} rows={5} defaultValue={valueOf(values, "easyRead")} error={errors?.easyRead} />
      <ChoiceGroup
        name="contentNotes"
        legend="Content notes (optional)"
        hint="Tick anything your story talks about that could upset someone. Readers see the note first and open the story only if they choose to."
        type="checkbox"
        options={CONTENT_NOTE_CATEGORIES.map((c) => ({ value: c, label: CONTENT_NOTES[c] }))}
        selected={valuesOf(values, "contentNotes")}
        error={errors?.contentNotes}
      />
      <TextField name="contentNoteDetail" label="If you ticked “Something else”: what else, in a few words" limit={STORY_LIMITS.contentNoteDetail} defaultValue={valueOf(values, "contentNoteDetail")} error={errors?.contentNoteDetail} />
      <ChoiceGroup name="topics" legend="Topics (optional)" hint="What your story is about, so people looking for stories on a topic find it." type="checkbox" options={TOPICS.map((t) => ({ value: t, label: TOPIC_LABELS[t] }))} selected={valuesOf(values, "topics")} error={errors?.topics} />
      {demands.length > 0 ? (
        <ChoiceGroup
          name="demandIds"
          legend="Demands your story relates to (optional)"
          hint={`Your story can be shown beside these demands. Choose up to ${STORY_LIMITS.demands}.`}
          type="checkbox"
          options={demands.map((d) => ({ value: String(d.id), label: d.title }))}
          selected={valuesOf(values, "demandIds")}
          error={errors?.demandIds}
        />
      ) : null}
    </>
  );
}

export function StoryConsentFields({
  values,
  errors,
  withAccount,
  campaigns = [],
  organisations = [],
}: FieldsProps & { withAccount: boolean; campaigns?: Array<{ id: number; title: string }>; organisations?: Array<{ id: number; name: string }> }) {
  const audiences = (withAccount ? ["public", "members", "organisers"] : ["public", "members"]) as StoryAudience[];
  const names = (withAccount ? ["display_name", "first_name", ...(organisations.length > 0 ? ["organisation"] : []), "place", "anonymous"] : ["first_name", "place", "anonymous"]) as StoryNameChoice[];
  return (
    <>
      <ChoiceGroup
        name="audience"
        legend="Who may read your story once it is published?"
        type="radio"
        options={audiences.map((a) => ({ value: a, label: AUDIENCES[a].label, hint: AUDIENCES[a].hint }))}
        selected={[valueOf(values, "audience")]}
        error={errors?.audience}
      />
      {withAccount && campaigns.length > 0 ? (
        <ChoiceGroup
          name="campaignIds"
          legend="If you chose organisers: which campaigns?"
          hint="Only the organisers of the campaigns you tick can read it."
          type="checkbox"
          options={campaigns.map((c) => ({ value: String(c.id), label: c.title }))}
          selected={valuesOf(values, "campaignIds")}
          error={errors?.campaignIds}
        />
      ) : null}
      <ChoiceGroup
        name="nameChoice"
        legend="Which name should your story be shown under?"
        hint={withAccount ? "Nobody but the moderators can tell who told a story shown without your display name." : "Your email address and the name you signed with are never shown with your story."}
        type="radio"
        options={names.map((n) => ({ value: n, label: NAME_CHOICES[n] }))}
        selected={[valueOf(values, "nameChoice")]}
        error={errors?.nameChoice}
      />
      <TextField name="firstName" label="If you chose a first name: the first name to show" hint="It need not be your own." limit={STORY_LIMITS.firstName} autoComplete="off" defaultValue={valueOf(values, "firstName")} error={errors?.firstName} />
      {withAccount && organisations.length > 0 ? (
        <ChoiceGroup
          name="organisationId"
          legend="If you chose “A member of”: which organisation?"
          type="radio"
          options={organisations.map((o) => ({ value: String(o.id), label: `A member of ${o.name}` }))}
          selected={[valueOf(values, "organisationId")]}
          error={errors?.organisationId}
        />
      ) : null}
      <TextField name="place" label="If you chose a place: where" hint="Shown as “Someone in …”: a town, a city or a region, like “Leeds” or “a town in Wales”." limit={STORY_LIMITS.place} autoComplete="off" defaultValue={valueOf(values, "place")} error={errors?.place} />
      <ChoiceGroup
        name="mayQuote"
        legend="Quoting your story to decision makers"
        type="checkbox"
        options={[{ value: "yes", label: "It may be quoted in material delivered to decision makers", hint: "Such as a pack of stories handed to an MP with a petition. Under the name you chose above. If you withdraw later, we mark it in anything already delivered." }]}
        selected={valuesOf(values, "mayQuote")}
        error={errors?.mayQuote}
      />
      <ChoiceGroup
        name="forResearch"
        legend="Research"
        type="checkbox"
        options={[{ value: "yes", label: "Researchers may use it, aggregated and never linked to me", hint: "Counted together with other stories, for example how many mention housing. Researchers never see who told it." }]}
        selected={valuesOf(values, "forResearch")}
        error={errors?.forResearch}
      />
    </>
  );
}

/** A story's current consents as form values, to fill the consents form. */
export function consentFormValues(story: { audience: string; audienceCampaigns: Array<{ id: number }>; nameChoice: string; firstName: string | null; organisationId: number | null; place: string | null; mayQuote: boolean; forResearch: boolean }): FormValues {
  return {
    audience: story.audience,
    campaignIds: story.audienceCampaigns.map((c) => String(c.id)),
    nameChoice: story.nameChoice,
    firstName: story.firstName ?? "",
    organisationId: story.organisationId ? String(story.organisationId) : "",
    place: story.place ?? "",
    mayQuote: story.mayQuote ? "yes" : "",
    forResearch: story.forResearch ? "yes" : "",
  };
}
