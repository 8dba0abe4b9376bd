import { NotFoundMessage } from "@/components/not-found-message";

export default function DeliveriesNotFound() {
  return <NotFoundMessage of="deliveries" />;
}
