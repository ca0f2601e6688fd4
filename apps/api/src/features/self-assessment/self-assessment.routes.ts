import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { getSelfAssessment } from "./get-self-assessment.ts";
import { saveSelfAssessment } from "./save-self-assessment.ts";
import {
  IndicatorAssessment,
  IndicatorParams,
  SaveSelfAssessment,
  SelfAssessment,
  SelfAssessmentQuery,
} from "./self-assessment.schemas.ts";

const tags = ["self-assessment"];

export async function selfAssessmentRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/self-assessment",
    {
      schema: {
        tags,
        summary:
          "The region's Community Framework C6 (work-based learning) self-assessment for a school year: rubric, saved stages and notes, evidence from the data (intermediary; coordinator reads, with own-district evidence)",
        querystring: SelfAssessmentQuery,
        response: { 200: SelfAssessment, ...problemResponses },
      },
    },
    (req) => getSelfAssessment({ ctx: ctxFor(req, services), input: req.query }),
  );

  app.put(
    "/api/self-assessment/:indicator",
    {
      schema: {
        tags,
        summary:
          "Rate one C6 indicator (C6.1, C6.2, C6.3) for a school year: stage 1 Emerging … 4 Transforming, with notes (intermediary)",
        params: IndicatorParams,
        body: SaveSelfAssessment,
        response: { 200: IndicatorAssessment, ...problemResponses },
      },
    },
    (req) => saveSelfAssessment({ ctx: ctxFor(req, services), indicator: req.params.indicator, input: req.body }),
  );
}
