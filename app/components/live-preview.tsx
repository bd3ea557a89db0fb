import { useEffect, useState } from "react";
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

/**
 * The text area's Markdown rendered by the server as it is typed (undefined until the first change).
 * A plain fetch, not a Remix fetcher: a fetcher's POST still in flight when the form is saved made
 * the router finish the save's navigation on the old page (the save was stored, but the page stayed
 * on the form, inviting a second save). Saving cancels the timer and aborts any request in flight.
 */
function useLiveHtml(textareaId: string) {
  const [html, setHtml] = useState<string | undefined>(undefined);
  useEffect(() => {
    const textarea = document.getElementById(textareaId) as HTMLTextAreaElement | null;
    if (!textarea) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | undefined;
    const stop = () => {
      clearTimeout(timer);
      inFlight?.abort();
    };
    const render = async () => {
      inFlight?.abort();
      const controller = (inFlight = new AbortController());
      try {
        const response = await fetch("/demands/preview", { method: "POST", body: new URLSearchParams({ body: textarea.value }), signal: controller.signal });
        if (!response.ok) return; // signed out, or refused: the Preview button still works
        const data = (await response.json()) as { html?: unknown };
        if (!controller.signal.aborted && typeof data.html === "string") setHtml(data.html);
      } catch {
        // Aborted, or the network failed: the previous preview stays, and the Preview button works.
      }
    };
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void render(), 400);
    };
    textarea.addEventListener("input", update);
    textarea.form?.addEventListener("submit", stop);
    return () => {
      textarea.removeEventListener("input", update);
      textarea.form?.removeEventListener("submit", stop);
      stop();
    };
  }, [textareaId]);
  return html;
}
