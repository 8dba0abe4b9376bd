import { redirect } from "next/navigation";

// The consultation list is the home page.
export default function HomePage() {
  redirect("/consultations");
}
