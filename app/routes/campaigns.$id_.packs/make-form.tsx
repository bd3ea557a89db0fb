import { Form } from "@remix-run/react";
import { fieldId } from "~/components/error-summary";
import { describedBy, FieldError, FieldHint, TextField } from "~/components/form-field";
import { PACK_STORY_LIMIT } from "~/stories/pack-forms";
import { valueOf, valuesOf, type FormValues } from "~/utils/forms";
import { formatLondonDate } from "~/utils/london-time";

export interface QuotableStoryChoice {
  id: number;
  title: string;
  tellerName: string;
  publishedAt: string | null;
  contentNote: string | null;
  excerpt: string | null;
}

export interface GoesWithGroups {
  petitions: Array<{ value: string; label: string }>;
  asks: Array<{ value: string; label: string }>;
}

/**
 * Making a pack: a title, what it goes with, and the quotable stories as checkboxes. "Include every
 * quotable story" is a second submit button, so choosing them all works without JavaScript.
 */
export function MakePackForm({ stories, more, goesWith, values, errors }: { stories: QuotableStoryChoice[]; more: boolean; goesWith: GoesWithGroups; values?: FormValues; errors?: Record<string, string> }) {
  const chosen = valuesOf(values, "storyIds");
  const goesWithId = fieldId("goesWith");
  const storiesId = fieldId("storyIds");
  const storiesHint = more
    ? `The newest ${PACK_STORY_LIMIT} stories its tellers agreed may be quoted; a pack carries at most ${PACK_STORY_LIMIT}.`
    : "Every published story about this campaign's demand whose teller agreed it may be quoted to decision makers, newest first.";
  return (
    <section className="section form" aria-labelledby="make-heading">
      <h2 id="make-heading">Make a pack</h2>
      {stories.length === 0 ? (
        <p>
          No story can go in a pack yet. A pack can only carry published stories about this campaign&apos;s demand whose tellers agreed they may be quoted to decision makers, and
          that this campaign&apos;s organisers may read.
        </p>
      ) : (
        <Form method="post" noValidate className="make-pack-form">
          <TextField name="title" label="Title of the pack" hint="It is printed on the cover, for example “Stories for the Minister for Care, March 2027”." limit={200} defaultValue={valueOf(values, "title")} error={errors?.title} />
          <div className={errors?.goesWith ? "field field--error" : "field"}>
            <label className="field__label" htmlFor={goesWithId}>
              What it goes with
            </label>
            <FieldHint id={`${goesWithId}-hint`}>Its cover names whom it is for and counts the petition&apos;s signatures (or all the campaign&apos;s, when it goes with neither).</FieldHint>
            <FieldError id={`${goesWithId}-error`} message={errors?.goesWith} />
            <select className="select input" id={goesWithId} name="goesWith" defaultValue={valueOf(values, "goesWith")} aria-describedby={describedBy(goesWithId, true, errors?.goesWith)} aria-invalid={errors?.goesWith ? true : undefined}>
              <option value="">Neither: the campaign as a whole</option>
              {goesWith.petitions.length ? (
                <optgroup label="A petition, for its delivery">
                  {goesWith.petitions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {goesWith.asks.length ? (
                <optgroup label="An ask to a decision maker">
                  {goesWith.asks.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </div>
          <div className={errors?.storyIds ? "field field--error" : "field"}>
            <fieldset className="fieldset" aria-describedby={describedBy(storiesId, true, errors?.storyIds)}>
              <legend className="fieldset__legend">Stories to include</legend>
              <FieldHint id={`${storiesId}-hint`}>{storiesHint} Each is printed in full under the name its teller chose, after its content note.</FieldHint>
              <FieldError id={`${storiesId}-error`} message={errors?.storyIds} />
              <div className="choices pack-choices">
                {stories.map((story, index) => {
                  const id = index === 0 ? storiesId : `${storiesId}-${story.id}`;
                  return (
                    <div className="choice" key={story.id}>
                      <input className="choice__input" type="checkbox" id={id} name="storyIds" value={story.id} defaultChecked={chosen.includes(String(story.id))} aria-describedby={`story-choice-${story.id}-hint`} />
                      <label className="choice__label" htmlFor={id}>
                        {story.title}
                      </label>
                      <FieldHint id={`story-choice-${story.id}-hint`} className="choice__hint">
                        {story.tellerName}
                        {story.publishedAt ? `, published ${formatLondonDate(story.publishedAt)}` : ""}.{" "}
                        {story.contentNote ? `Content note: ${story.contentNote}.` : story.excerpt}
                      </FieldHint>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
          <div className="button-row">
            <button type="submit" className="button" name="intent" value="chosen">
              Make the pack with the stories ticked
            </button>
            <button type="submit" className="button button--secondary" name="intent" value="all">
              Include every quotable story
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}
