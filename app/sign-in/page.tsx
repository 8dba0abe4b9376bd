// GET /sign-in — email and password (?next= a same-host path to return to)
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { defaultNextPath, getCaller } from "@/lib/auth/caller";
import { safeNextPath } from "@/lib/http/safe-next-path";
import { SignInForm } from "@/components/sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next, defaultNextPath);
  if (await getCaller()) redirect(next);
  return (
    <section className="mx-auto max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-6" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" className="text-2xl font-semibold">
        Sign in
      </h1>
      <SignInForm next={next} />
    </section>
  );
}
