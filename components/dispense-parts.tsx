import { useTranslations } from "next-intl";
import type { DispenseLink } from "@/lib/present/dispense";

// The pieces of the dispense block that screen (dispense-panel.tsx) and paper
// (print/dispense-block.tsx) share: the same words (the "dispense" messages) and the same test ids;
// only the type sizes differ.

type Medium = "screen" | "paper";

const passCodeClass: Record<Medium, string> = {
  screen: "font-mono text-4xl font-semibold tracking-widest",
  paper: "font-mono text-[2.4em] font-bold leading-tight",
};

export function NoDispense() {
  const t = useTranslations("dispense");
  return <p data-testid="no-dispense">{t("none")}</p>;
}

/** The pass code, large (text, not a number: leading zeros are kept). */
export function PassCode({ passCode, medium }: { passCode: string | null; medium: Medium }) {
  const t = useTranslations("dispense");
  if (passCode === null) return <p data-testid="no-pass-code">{t("noPassCode")}</p>;
  return (
    <p className={passCodeClass[medium]} data-testid="pass-code" dir="ltr">
      {passCode}
    </p>
  );
}

/** The dispense link: a link only when it is http(s); otherwise a warning and the inert text. */
/** "Host" and the link's host on its own, left to right whatever the page's direction. */
function HostLine({ host, className, codeClassName }: { host: string; className: string; codeClassName: string }) {
  const t = useTranslations("dispense");
  return (
    <p className={className}>
      {t("host")}{" "}
      <code className={codeClassName} dir="ltr" data-testid="dispense-host">
        {host}
      </code>
    </p>
  );
}

export function DispenseLinkText({ link, medium }: { link: DispenseLink; medium: Medium }) {
  const t = useTranslations("dispense");
  if (link.kind === "missing") return <p data-testid="no-dispense-url">{t("noLink")}</p>;
  if (link.kind === "unsafe") {
    return (
      <div role="alert" className="rounded border-2 border-red-700 p-[0.6em] text-red-900" data-testid="unsafe-dispense-url">
        <p className="font-bold">{t(`warnings.${link.reason}`)}</p>
        <p>{t("unsafeAdvice")}</p>
        {link.host !== null ? <HostLine host={link.host} className="mt-[0.3em]" codeClassName="break-all font-mono font-semibold" /> : null}
        <p className="mt-[0.3em]">
          {t("asReceived")}{" "}
          <code className="break-all font-mono text-[0.85em]" dir="ltr">
            {link.text}
          </code>
        </p>
      </div>
    );
  }
  return (
    <div>
      {/* On paper the printed link says where it leads; a line more would push an A5 prescription onto a second page. */}
      {medium === "screen" ? <HostLine host={link.host} className="text-[0.85em] text-slate-700" codeClassName="font-mono font-semibold text-slate-900" /> : null}
      {link.qr ? null : <p className="text-[0.85em] text-slate-700">{t("tooLongForQr")}</p>}
      <a
        href={link.url}
        // On screen it opens beside the dashboard; on paper it is printed text.
        {...(medium === "screen" ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}
        className={medium === "screen" ? "break-all text-sky-800 underline" : "break-all font-mono text-[0.85em] text-slate-900 underline-offset-2"}
        data-testid="dispense-url"
        dir="ltr"
      >
        {link.url}
      </a>
    </div>
  );
}
