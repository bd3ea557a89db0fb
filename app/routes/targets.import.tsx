import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { FieldError, FieldHint } from "~/components/form-field";
import { TableFrame } from "~/components/table-frame";
import { IMPORT_MAX_ROWS, importTargets, previewTargetImport, type ImportRefusal } from "~/services/target-import.server";
import { db } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { requireDirectoryEditor } from "~/letters/access.server";
import { IMPORT_COLUMNS } from "~/letters/rules";
import { invalid } from "~/utils/responses.server";
import { pageTitle } from "~/utils/meta";
import { countOf } from "~/utils/plural";

export const meta: MetaFunction = (args) => pageTitle(args, "Import decision makers");

const MAX_BYTES = 1_000_000;
// A file that cannot be read goes back into the paste box only when it is small enough to fix by hand:
// a rejected upload is never answered with a copy of itself.
const ECHO_LIMIT = 20_000;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireDirectoryEditor(request);
  return null;
}

/** The CSV from an uploaded file or the paste box (the file wins), or a message saying what is wrong. */
async function csvFrom(formData: FormData): Promise<{ text: string } | { error: string }> {
  // The request guard hands an uploaded CSV on as text (see readGuardedRequest).
  const file = formData.get("file");
  const fileText = typeof file === "string" ? file : file && file.size > 0 ? await file.text() : "";
  const text = fileText || String(formData.get("csv") ?? "");
  if (!text.trim()) return { error: "Choose a CSV file, or paste the spreadsheet's rows" };
  return { text };
}

/** Why a file could not be read as a list of decision makers. */
function importRefused(refusal: ImportRefusal) {
  if (refusal.reason === "empty") return "The file is empty";
  if (refusal.reason === "too-many-rows") return `Import ${IMPORT_MAX_ROWS.toLocaleString("en-GB")} rows or fewer at a time`;
  return `The first row must name the columns: ${IMPORT_COLUMNS.join(", ")}. Missing: ${refusal.missing.join(", ")}`;
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireDirectoryEditor(request);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES) return invalid({ file: "The file must be 1 MB or smaller: split it into parts" });
  const formData = await request.formData();
  const source = await csvFrom(formData);
  if ("error" in source) return invalid({ file: source.error });
  if (formData.get("intent") === "import") {
    const done = await importTargets(db, source.text, member.id);
    if (!done.ok) return invalid({ file: importRefused(done) });
    return redirectWithFlash(request, "/targets", {
      kind: "success",
      message: `Imported: ${done.added} added, ${done.updated} updated${done.skipped ? `, ${countOf(done.skipped, "row")} with problems left out` : ""}.`,
    });
  }
  const preview = await previewTargetImport(db, source.text);
  if (!preview.ok) return invalid({ file: importRefused(preview) }, { csv: source.text.length <= ECHO_LIMIT ? source.text : "" });
  return { preview: { csv: source.text, rows: preview.rows.map((r) => ({ line: r.line, cells: r.cells, problems: r.problems, outcome: r.outcome })) }, errors: undefined };
}

export default function ImportTargets() {
  const result = useActionData<typeof action>();
  const preview = result && "preview" in result ? result.preview : null;
  const errors = result && "errors" in result ? result.errors : undefined;
  const good = preview?.rows.filter((r) => r.outcome).length ?? 0;
  const bad = preview ? preview.rows.length - good : 0;
  return (
    <>
      <p>
        <Link to="/targets">Back to decision makers</Link>
      </p>
      <ErrorSummary errors={errors} order={["file"]} />
      <div className="page-heading">
        <h1>Import decision makers</h1>
        <p className="lead">From a spreadsheet saved as CSV. You see every row and its problems before anything is saved.</p>
      </div>
      {preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Check before importing</h2>
          <p>
            {countOf(good, "row is", "rows are")} ready{bad ? `; ${countOf(bad, "row has", "rows have")} problems and will be left out unless you fix the file and check again` : ""}.
          </p>
          <TableFrame label="Rows to import">
            <table className="table">
              <caption className="visually-hidden">Rows in the file</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Email</th>
                  <th scope="col">Areas</th>
                  <th scope="col">What happens</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line}>
                    <th scope="row">{r.line}</th>
                    <td>{r.cells.name}</td>
                    <td>{r.cells.role}</td>
                    <td>{r.cells.email}</td>
                    <td>{r.cells.areas}</td>
                    <td>
                      {r.outcome === "add" ? "Added" : r.outcome === "update" ? "Updates the one listed with this address" : null}
                      {r.problems.length ? (
                        <ul className="flag">
                          {r.problems.map((p) => (
                            <li key={p}>{p}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          <Form method="post" className="button-row">
            <input type="hidden" name="csv" value={preview.csv} />
            {good ? (
              <button type="submit" name="intent" value="import" className="button">
                Import {countOf(good, "row")}
              </button>
            ) : null}
            <Link to="/targets/import">Start again with another file</Link>
          </Form>
        </section>
      ) : (
        <Form method="post" encType="multipart/form-data" noValidate className="form">
          <div className={errors?.file ? "field field--error" : "field"}>
            <label className="field__label" htmlFor="field-file">
              CSV file
            </label>
            <FieldHint id="field-file-hint">
              The first row names the columns: {IMPORT_COLUMNS.join(", ")}. Role is one of MP, Councillor, Minister, Health body, Council, Other. Areas are postcode areas or districts
              separated by spaces, or everywhere. A row whose email is already listed updates that decision maker.
            </FieldHint>
            <FieldError id="field-file-error" message={errors?.file} />
            <input className="input" id="field-file" name="file" type="file" accept=".csv,text/csv" aria-describedby={errors?.file ? "field-file-hint field-file-error" : "field-file-hint"} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="field-csv">
              Or paste the rows
            </label>
            <textarea className="textarea input" id="field-csv" name="csv" rows={6} spellCheck={false} defaultValue={result && "values" in result ? String((result.values as Record<string, string>)?.csv ?? "") : ""} />
          </div>
          <button type="submit" name="intent" value="preview" className="button">
            Check the rows
          </button>
        </Form>
      )}
    </>
  );
}
