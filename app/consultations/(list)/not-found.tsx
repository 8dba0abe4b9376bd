import { NotFoundMessage } from "@/components/not-found-message";

export default function ConsultationsNotFound() {
  return <NotFoundMessage of="consultations" />;
}
