import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { RenderedMarkdown } from "./demand-bits";

/**
 * One preview of the Markdown full text. Without JavaScript it is what the form's Preview button
 * returned (`submitted`). With JavaScript it also follows the text as it is typed (pausing briefly
 * between requests), and whichever came last is shown: never the live and the submitted preview
 * one under the other.
 */
export function MarkdownPreview({ textareaId, submitted }: { textareaId: string; submitted: string | undefined }) {
  const live = useLiveHtml(textareaId);
  const [shown, setShown] = useState(submitted);
  useEffect(() => {
    if (submitted !== undefined) setShown(submitted);
  }, [submitted]);
  useEffect(() => {
    if (live !== undefined) setShown(live);
  }, [live]);
  if (shown === undefined) return null;
  return (
    <section className="card" aria-labelledby="preview-heading" aria-live="polite">
      <h2 id="preview-heading">Preview of the full text</h2>
      <RenderedMarkdown html={shown} />
    </section>
  );
}

/** The text area's Markdown rendered by the server as it is typed (undefined until the first change). */
function useLiveHtml(textareaId: string) {
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
  return fetcher.data?.html;
}
