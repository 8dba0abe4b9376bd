// Integration tests call the route handlers in-process, with no HTTP server to stamp each
// request's TCP peer (lib/http/peer-address): the tests set the stamped header themselves
// (tests/support/users.ts clientHeaders), as instrumentation.ts makes the server do.
import { startStampingPeerAddress } from "@/lib/http/peer-address";

startStampingPeerAddress();
