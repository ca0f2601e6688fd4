import { useState } from "react";
import { CALPADS_CSV_PATH, useCalpadsValidation } from "../api/get-calpads-validation.ts";
import { downloadCsv } from "../api/download-csv.ts";

/** The school year's CALPADS readiness, and the export's download (busy while it runs; `failed` if it did). */
export function useCalpadsCard(schoolYear: string) {
  const query = useCalpadsValidation(schoolYear);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await downloadCsv(CALPADS_CSV_PATH, { schoolYear }, `calpads-wbl-${schoolYear}.csv`);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return { query, busy, failed, download };
}
