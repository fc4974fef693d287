// A small client of the exported error responses, type-checked with `tsc --strict --noEmit`
// (check.sh): the body types come from the exported OpenAPI document through
// openapi-typescript (gen/openapi.d.ts), the codes and messages from the exported module.
// It proves that the document's code enums and the module's code unions are the same sets,
// and that each domain's body can be handled without casts.

import type { components } from "./gen/openapi.js";
import { cancel, ebp, toss, DOMAINS, type Code, type Locale } from "../../exports/payment-errors.js";

type Schemas = components["schemas"];

// The document's enum and the module's union are the same set, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const cancelCodesAgree: Same<Schemas["cancel.Code"], Code<"cancel">> = true;
const ebpCodesAgree: Same<Schemas["ebp.Code"], Code<"ebp">> = true;
const tossCodesAgree: Same<Schemas["toss.Code"], Code<"toss">> = true;
export const agree = [cancelCodesAgree, ebpCodesAgree, tossCodesAgree];

/** Seed 004's envelope: no code member, the message is already localized. */
export function cancelMessage(body: Schemas["cancel.Error"]): string {
  const status: "error" = body.status;
  const none: null = body.errorCode;
  return `${status} ${body.errorType}${none ?? ""}: ${body.message}`;
}

/** Seed 003's envelope: the code, its details, and what the module knows of it. */
export function ebpSummary(body: Schemas["ebp.Error"], locale: Locale): string {
  const code = body.resultCode;
  const fields = body.error.errorDetails.map((d) => ("field" in d ? d.field : d.header));
  const retry = ebp.retryable(code) ? "retry" : "do not retry";
  return `${ebp.status(code)} ${code} (${retry}): ${ebp.message(code, locale)} [${fields.join(", ")}]`;
}

/** RFC 9457 problem details of the cancel API, handled code by code (exhaustively). */
export function cancelProblem(problem: Schemas["cancel.Problem"]): string {
  switch (problem.code) {
    case "LOGIN_REQUIRED":
      return "log in again";
    case "GATEWAY_CANCEL_FAILED":
      return `provider error ${problem.upstream?.code ?? "?"}`;
    case "PAYMENT_ID_REQUIRED":
    case "CANCEL_REASON_REQUIRED":
    case "CANCEL_REASON_TOO_LONG":
    case "REFUND_ACCOUNT_NUMBER_TOO_LONG":
    case "REFUND_HOLDER_NAME_TOO_LONG":
    case "REFUND_ACCOUNT_REQUIRED":
    case "PAYMENT_NOT_FOUND":
    case "BANK_CODE_NOT_MAPPED":
    case "NOT_RESERVATION_OWNER":
    case "CANCEL_PERIOD_EXPIRED":
      return problem.title;
    default: {
      // A code added to the spec later fails this line until the client handles it.
      const unhandled: never = problem.code;
      return unhandled;
    }
  }
}

/** A provider's error as received: a code we do not list stays usable. */
export function tossError(received: Schemas["toss.Received"]): string {
  const parsed = toss.parse(received.code);
  if (parsed.known) {
    return `${toss.status(parsed.code)} ${parsed.code}: ${toss.message(parsed.code, "en")}`;
  }
  return `unknown provider code ${parsed.code}: ${received.message}`;
}

/** Rendering with typed parameters. */
export function rendered(): string[] {
  const out = [
    cancel.render("PAYMENT_ID_REQUIRED", { field: "결제 ID" }),
    cancel.render("BANK_CODE_NOT_MAPPED", { bankCode: "99" }, "en-US"),
    cancel.render("LOGIN_REQUIRED", {}),
    cancel.render("GATEWAY_CANCEL_FAILED", { upstreamCode: "X", upstreamMessage: "실패" }),
  ];
  // @ts-expect-error: the placeholder's value is required.
  out.push(cancel.render("PAYMENT_ID_REQUIRED", {}));
  // @ts-expect-error: not a cancel code.
  out.push(cancel.render("NOT_A_CODE", {}));
  for (const id of Object.keys(DOMAINS) as (keyof typeof DOMAINS)[]) {
    out.push(`${id}: ${DOMAINS[id].codes.length} codes`);
  }
  return out;
}
