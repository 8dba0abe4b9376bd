import Link from "next/link";
import { NavLink } from "./nav-link";

export function AppHeader({ name }: { name: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/consultations" prefetch={false} className="text-lg font-semibold text-slate-900" dir="auto">
          {name}
        </Link>
        <nav aria-label="Main" className="flex gap-1 text-sm">
          <NavLink href="/consultations">Consultations</NavLink>
          <NavLink href="/deliveries">Webhook deliveries</NavLink>
        </nav>
      </div>
    </header>
  );
}
