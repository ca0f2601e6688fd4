import { MATCH_STATUSES, OPPORTUNITY_STATUSES, SIGN_IN_ERRORS } from "@bridgework/domain";
import { describe, expect, it } from "vitest";
import { SIGN_IN_ERROR_CHOICES } from "../app/router.tsx";
import { MATCH_STATUS_CHOICES } from "../features/matches/routes/search.ts";
import { OPPORTUNITY_STATUS_CHOICES } from "../features/opportunities/routes/search.ts";

// The route validators restate these domain lists so the first page loads no zod (search-params.ts, `choices`).
describe("the choices a page's address accepts", () => {
  it("are the domain's, in the same order", () => {
    expect(MATCH_STATUS_CHOICES).toEqual(MATCH_STATUSES);
    expect(OPPORTUNITY_STATUS_CHOICES).toEqual(OPPORTUNITY_STATUSES);
    expect(SIGN_IN_ERROR_CHOICES).toEqual(SIGN_IN_ERRORS);
  });
});
