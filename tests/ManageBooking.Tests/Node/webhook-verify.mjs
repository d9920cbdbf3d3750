// Verifies one webhook delivery with the Standard Webhooks reference library, as a receiver would.
// stdin: { secret, headers: { "webhook-id", "webhook-timestamp", "webhook-signature" }, body, receivedAt (unix seconds) }
// stdout: { verified: true, payload } or { verified: false, error }
import { Webhook } from "standardwebhooks";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
}));

// The receiver's clock is the test's: the library compares the timestamp with Date.now() against its tolerance.
Date.now = () => input.receivedAt * 1000;

// A whsec_ secret is given as it is; a secret saved before whsec_ secrets is given as its raw bytes.
const webhook = input.secret.startsWith("whsec_")
  ? new Webhook(input.secret)
  : new Webhook(new TextEncoder().encode(input.secret), { format: "raw" });
try {
  const payload = webhook.verify(input.body, input.headers);
  process.stdout.write(JSON.stringify({ verified: true, payload }));
} catch (error) {
  process.stdout.write(JSON.stringify({ verified: false, error: String(error.message ?? error) }));
}
