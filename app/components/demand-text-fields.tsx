import { valueOf } from "~/utils/forms";
import { TextArea, TextField } from "./form-field";
import { MarkdownPreview } from "./live-preview";

/**
 * The fields of a demand's text, the same when proposing and when editing: title, summary, the
 * Markdown full text with its previews, and the easy-read summary.
 */
export function DemandTextFields({
  values,
  errors,
  preview,
}: {
  values: Record<string, string | string[]> | undefined;
  errors: Record<string, string> | undefined;
  preview: string | undefined;
}) {
  return (
    <>
      <TextField name="title" label="Title" hint="What should change, in a few words." limit={150} defaultValue={valueOf(values, "title")} error={errors?.title} />
      <TextArea name="summary" label="Summary" hint="One paragraph: the change, and why." limit={1000} rows={4} defaultValue={valueOf(values, "summary")} error={errors?.summary} />
      <TextArea
        name="body"
        label="Full text"
        hint="Markdown: # for headings, - for lists, > for quotes, [text](https://…) for links. Leave a blank line between paragraphs."
        limit={50_000}
        rows={14}
        defaultValue={valueOf(values, "body")}
        error={errors?.body}
      />
      <MarkdownPreview textareaId="field-body" submitted={preview} />
      <TextArea
        name="easyRead"
        label="Easy-read summary"
        hint="Short sentences and everyday words. Needed before voting can open."
        limit={3000}
        rows={5}
        defaultValue={valueOf(values, "easyRead")}
        error={errors?.easyRead}
      />
    </>
  );
}

/** The Preview and save buttons under a demand's text. */
export function DemandTextButtons({ save }: { save: string }) {
  return (
    <div className="button-row">
      <button type="submit" className="button" name="intent" value="save">
        {save}
      </button>
      <button type="submit" className="button button--secondary" name="intent" value="preview">
        Preview
      </button>
    </div>
  );
}
