// GET /setup?token=… — first run: the first admin chooses email, name and password (link printed at start)
import type { Metadata } from "next";
import { isSetupTokenUsable } from "@/lib/auth/setup-link";
import { SetupForm } from "@/components/setup-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = (await searchParams).token;
  const usable = typeof token === "string" && (await isSetupTokenUsable(token));
  return (
    <section className="mx-auto max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-6" aria-labelledby="setup-heading">
      <h1 id="setup-heading" className="text-2xl font-semibold">
        Set up Care Desk
      </h1>
      {usable ? (
        <SetupForm token={token} />
      ) : (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-950">
          This setup link is not valid: it was used, it expired (links last one hour), or an admin already exists. Restart the server
          for a new link while there is no admin, or create one with <code className="font-mono">npm run user:create</code>.
        </p>
      )}
    </section>
  );
}
