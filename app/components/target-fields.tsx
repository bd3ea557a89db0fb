import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { TARGET_ROLES } from "../../db/schema";
import { ErrorSummary } from "./error-summary";
import { SelectField, TextField } from "./form-field";
import { FieldError } from "./form-field";
import { valueOf } from "~/utils/forms";
import { TARGET_ROLE_LABELS } from "~/letters/rules";

/** The fields of a decision maker, shared by adding and editing one. */
export function TargetFields({ values, errors }: { values: Record<string, string | string[]> | undefined; errors: Record<string, string> | undefined }) {
  return (
    <>
      <TextField name="name" label="Name" hint="As they would be addressed, like Alex Rivers MP or Leeds City Council." limit={150} defaultValue={valueOf(values, "name")} error={errors?.name} />
      <FieldError id="field-role-error" message={errors?.role} />
      <SelectField id="field-role" name="role" label="Role" defaultValue={valueOf(values, "role") || "mp"} options={TARGET_ROLES.map((r) => ({ value: r, label: TARGET_ROLE_LABELS[r] }))} />
      <TextField name="body" label="Body" hint="Where they sit, like House of Commons, Leeds City Council, NHS West Yorkshire." limit={150} defaultValue={valueOf(values, "body")} error={errors?.body} />
      <TextField name="email" type="email" label="Email address" spellCheck={false} defaultValue={valueOf(values, "email")} error={errors?.email} />
      <TextField
        name="areas"
        label="Areas covered"
        hint="Postcode areas (LS) or districts (LS6), separated by spaces, or the word everywhere. Supporters whose postcode is in one of them can write to them as their own."
        defaultValue={valueOf(values, "areas")}
        error={errors?.areas}
      />
    </>
  );
}

/** The whole form for a decision maker (adding and editing): error summary, fields, one button. */
export function TargetForm({ values, errors, submit, children }: { values: Record<string, string | string[]> | undefined; errors: Record<string, string> | undefined; submit: string; children?: ReactNode }) {
  return (
    <div className="form">
      <ErrorSummary errors={errors} order={["name", "role", "body", "email", "areas"]} />
      {children}
      <Form method="post" noValidate>
        <TargetFields values={values} errors={errors} />
        <button type="submit" className="button">
          {submit}
        </button>
      </Form>
    </div>
  );
}
