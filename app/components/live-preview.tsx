import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { RenderedMarkdown } from "./demand-bits";

/**
 * With JavaScript, the Markdown preview follows the text as it is typed (pausing briefly between
 * requests). Without it, the form's Preview button does the same job.
 */
export function LivePreview({ textareaId }: { textareaId: string }) {
  const fetcher = useFetcher<{ html: string }>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { submit } = fetcher;
  useEffect(() => {
    const textarea = document.getElementById(textareaId) as HTMLTextAreaElement | null;
    if (!textarea) return;
    const update = () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => submit({ body: textarea.value }, { method: "post", action: "/demands/preview" }), 400);
    };
    // Submitting the form itself makes a pending preview pointless.
    const cancel = () => clearTimeout(timer.current);
    textarea.addEventListener("input", update);
    textarea.form?.addEventListener("submit", cancel);
    return () => {
      textarea.removeEventListener("input", update);
      textarea.form?.removeEventListener("submit", cancel);
      clearTimeout(timer.current);
    };
  }, [textareaId, submit]);
  if (!fetcher.data) return null;
  return (
    <section className="card" aria-labelledby="live-preview-heading" aria-live="polite">
      <h2 id="live-preview-heading">Live preview</h2>
      <RenderedMarkdown html={fetcher.data.html} />
    </section>
  );
}

/** The preview the form's Preview button returns (the no-JavaScript path). */
export function SubmittedPreview({ html }: { html: string | undefined }) {
  if (html === undefined) return null;
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview of the full text</h2>
      <RenderedMarkdown html={html} />
    </section>
  );
}
