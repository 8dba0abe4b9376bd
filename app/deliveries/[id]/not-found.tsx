import { NotFoundMessage } from "@/components/not-found-message";

export default function DeliveryNotFound() {
  return <NotFoundMessage of="delivery" />;
}
