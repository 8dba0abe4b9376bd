const looks = {
  /** On screen: the label small above its value; the pair is one cell of the list's grid. */
  screen: { pair: "min-w-0", label: "text-xs text-slate-600", value: "font-medium break-words" },
  /** On paper: label and value side by side, each a cell of the list's two-column grid. */
  paper: { pair: "contents", label: "text-slate-700", value: "font-medium" },
};

/** One label and its value in a description list (`<dl>`). */
export function Field({ label, children, look = "screen", testId }: { label: string; children: React.ReactNode; look?: keyof typeof looks; testId?: string }) {
  const style = looks[look];
  return (
    <div className={style.pair}>
      <dt className={style.label}>{label}</dt>
      <dd className={style.value} dir={look === "paper" ? "auto" : undefined} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
