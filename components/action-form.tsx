"use client";
import { useActionState } from "react";

export type FormResult = { ok: boolean; message: string; secret?: string } | null;

const resultTone = (ok: boolean) => (ok ? "border-emerald-200 bg-emerald-50 text-emerald-950" : "border-red-200 bg-red-50 text-red-900");

/** A server action's answer under its form: a status when it worked, an alert when it did not. */
export function FormMessage({ state, className = "" }: { state: { ok: boolean; message: string } | null; className?: string }) {
  if (!state) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`rounded-md border p-2 text-sm ${resultTone(state.ok)} ${className}`}>
      {state.message}
    </p>
  );
}

/** A form bound to a server action that answers with a message (and, once, a secret to copy). */
export function ActionForm({
  action,
  children,
  className,
  label,
}: {
  action: (previous: FormResult, form: FormData) => Promise<FormResult>;
  children: React.ReactNode;
  className?: string;
  label: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className={className} aria-label={label}>
      {children}
      {state ? (
        <div role={state.ok ? "status" : "alert"} className={`mt-2 rounded-md border p-2 text-sm ${resultTone(state.ok)}`}>
          <p>{state.message}</p>
          {state.secret ? (
            <p className="mt-1">
              <code className="font-mono break-all select-all" data-testid="new-secret">
                {state.secret}
              </code>
            </p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
