// A real HTTP receiver on 127.0.0.1 for alert notifications (CARE_DESK_ALERT_WEBHOOK_URL): it
// keeps every JSON body it is sent, and answers 500 to the next `failNext` requests.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type AlertReceiver = { url: string; received: Record<string, unknown>[]; failNext: number; stop: () => Promise<void> };

export async function startAlertReceiver(): Promise<AlertReceiver> {
  const receiver: AlertReceiver = { url: "", received: [], failNext: 0, stop: async () => undefined };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (receiver.failNext > 0) {
        receiver.failNext--;
        response.writeHead(500, { "content-type": "text/plain" }).end("receiver is down");
        return;
      }
      receiver.received.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>);
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/alerts`;
  receiver.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}
