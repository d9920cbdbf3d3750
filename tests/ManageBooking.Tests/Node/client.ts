// An integrator's client, typed by the generated schema: books, reschedules and cancels through openapi-fetch.
import createClient from "openapi-fetch";
import type { paths } from "./schema.js";

declare const process: { argv: string[]; stdout: { write(text: string): void } };
const [baseUrl, slug, first, second] = process.argv.slice(2);
const api = createClient<paths>({ baseUrl });

const page = await api.GET("/api/booking-pages/{slug}", { params: { path: { slug } } });
if (!page.data) throw new Error(`page: ${JSON.stringify(page.error)}`);

const booked = await api.POST("/api/booking-pages/{slug}/bookings", {
  params: { path: { slug } },
  body: { name: "Grace Hopper", email: "grace@example.com", timeZone: "America/New_York", starts: [first] },
});
if (!booked.data) throw new Error(`book: ${JSON.stringify(booked.error)}`);
const token = (booked.data.manageUrl ?? "").split("/").pop() ?? "";

const moved = await api.POST("/api/manage/{token}/reschedule", { params: { path: { token } }, body: { start: second } });
if (!moved.data) throw new Error(`reschedule: ${JSON.stringify(moved.error)}`);

const cancelled = await api.POST("/api/manage/{token}/cancel", { params: { path: { token } }, body: { reason: "Plans changed." } });
if (!cancelled.data) throw new Error(`cancel: ${JSON.stringify(cancelled.error)}`);

// A second cancel is refused: the error is the documented problem details.
const again = await api.POST("/api/manage/{token}/cancel", { params: { path: { token } }, body: { reason: "Plans changed." } });

const fetched = await api.GET("/api/manage/{token}", { params: { path: { token } } });
process.stdout.write(JSON.stringify({
  page: page.data.title,
  reference: booked.data.reference,
  bookedStart: booked.data.sessions[0].start,
  movedStart: moved.data.sessions.find((s) => s.status === "Scheduled")?.start ?? null,
  cancelledStatus: cancelled.data.status,
  refusedStatus: again.response.status,
  refusedTitle: again.error?.title ?? null,
  finalStatus: fetched.data?.status ?? null,
}));
