import type { EquityDimension } from "@bridgework/domain";
import { useState } from "react";
import { useEquityReport } from "../api/get-equity-report.ts";

/** Participation by student group in the school year; the card picks the grouping (gender first). */
export function useEquityCard(schoolYear: string) {
  const [dimension, setDimension] = useState<EquityDimension>("gender");
  const query = useEquityReport({ dimension, schoolYear });
  return { dimension, setDimension, query };
}
