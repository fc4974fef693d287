// A small client of the exported error responses, type-checked with `tsc --strict --noEmit`
// (check.sh): the body types come from the exported OpenAPI document through
// openapi-typescript (gen/openapi.d.ts), the codes and messages from the exported module.
// It proves that the document's code enums and the module's code unions are the same sets,
// and that each domain's body can be handled without casts.

import type { components } from "./gen/openapi.js";
import {
  cancel,
  ebp,
  toss,
  DOMAINS,
  DEFAULT_MAX_ATTEMPTS,
  type Actor,
  type Code,
  type Decision,
  type Domain,
  type Locale,
  type Outcome,
  type Payment,
  type Retry,
} from "../../exports/payment-errors.js";

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

/** What the frontend does after a failed attempt: the payment facts, typed, handled exhaustively. */
export function nextStep(body: Schemas["toss.Received"], attempt: number): string {
  const parsed = toss.parse(body.code);
  if (!parsed.known) return "unknown code: show a generic message";
  const facts: Payment = toss.payment(parsed.code);
  const moved: Outcome = facts.outcome;
  const retry: Retry = facts.retry;
  const actor: Actor | null = facts.actor;
  const wait: number | null = facts.retryAfter;
  const attempts: number = facts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const who = actor === null ? "nobody named" : actor;
  const shown = facts.customerSafe ? toss.message(parsed.code, "ko") : "잠시 후 다시 시도해 주세요.";
  const decision: Decision = toss.decide(parsed.code, attempt);
  switch (decision) {
    case "retry_now":
      return `retry now (${retry}, attempt ${attempt} of ${attempts})`;
    case "retry_after":
      return `retry in ${wait ?? 0} s`;
    case "retry_with_new_key":
      return "retry with a new order ID";
    case "check_status":
      return `money may have moved (${moved}): look the payment up`;
    case "give_up":
      return `stop; ${who} must act; show: ${shown}`;
    default: {
      // A decision added later fails this line until the client handles it.
      const unhandled: never = decision;
      return unhandled;
    }
  }
}

/** The facts' unions are closed: a misspelt value does not type-check. */
export function paymentTypes(): Decision[] {
  // @ts-expect-error: not an outcome.
  const outcome: Outcome = "maybe";
  // @ts-expect-error: retryAfter is a number or null, never undefined or a string.
  const facts: Payment = { outcome: "none", retry: "never", retryAfter: "30", maxAttempts: null, actor: null, customerSafe: false };
  // @ts-expect-error: not a cancel code.
  cancel.payment("NOT_A_CODE");
  // @ts-expect-error: the attempt is a number.
  ebp.decide("EBP-C-0011", "1");
  const three: 3 = DEFAULT_MAX_ATTEMPTS;
  void [outcome, facts, three];
  return [...firstDecisions(cancel), ...firstDecisions(ebp), ...firstDecisions(toss)];
}

/** Any domain's codes, generically. */
function firstDecisions<C extends string, P>(domain: Domain<C, P>): Decision[] {
  return domain.codes.map((code) => domain.decide(code, 1));
}
