import { useTranslations } from "next-intl";

/** Characters shown before "Show all"; a doctor's note of a few lines fits whole. */
export const longTextPreviewChars = 600;

/** The first characters, never cutting a surrogate pair (an emoji) in half. */
function previewOf(text: string): string {
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(longTextPreviewChars - 1)) ? longTextPreviewChars - 1 : longTextPreviewChars;
  return text.slice(0, cut).trimEnd();
}

/**
 * A payload text of any length on screen: short text as it is; long text clipped to its first
 * characters with a "Show all" disclosure (<details>, so it works without JavaScript and a
 * screen reader announces it as expandable). The preview is hidden once the disclosure is open,
 * so the text is never shown twice (globals.css, .long-text). Long unbroken words wrap.
 */
export function LongText({ text, className = "", testId }: { text: string; className?: string; testId?: string }) {
  const t = useTranslations("longText");
  const style = `whitespace-pre-wrap [overflow-wrap:anywhere] ${className}`;
  if (text.length <= longTextPreviewChars) {
    return (
      <bdi dir="auto" className={style} data-testid={testId}>
        {text}
      </bdi>
    );
  }
  return (
    <span className="long-text block" data-testid={testId}>
      <bdi dir="auto" className={`long-text-preview ${style}`}>
        {previewOf(text)}…
      </bdi>
      <details className="mt-1">
        <summary className="cursor-pointer text-sm font-medium text-sky-800 underline">
          {t("showAll", { count: text.length })}
        </summary>
        <bdi dir="auto" className={`block ${style}`} data-testid={testId ? `${testId}-full` : undefined}>
          {text}
        </bdi>
      </details>
    </span>
  );
}
