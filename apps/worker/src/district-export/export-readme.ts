export interface ManifestFile {
  name: string;
  /** Rows of a CSV/JSON pair, or 1 for a single file. */
  rows: number;
  description: string;
}

export interface Manifest {
  format: "bridgework-district-export";
  version: 1;
  district: { id: string; name: string };
  region: { id: string; name: string; timeZone: string };
  generatedAt: string;
  /** Every instant in the files is ISO 8601 in UTC; the region's zone is given for reading them. */
  times: "ISO 8601, UTC";
  files: ManifestFile[];
  signedPdfs: number;
}

/** What each file holds, in the order they appear in the archive. */
export const FILE_DESCRIPTIONS: Record<string, string> = {
  students:
    "Every student of the district: all fields, guardian contact and demographics included, with the school's name.",
  placements:
    "Work-based learning placements of those students: dates, employer, supervisor, status, insurance override.",
  documents:
    "Paperwork of those placements: signer, status, the exact text signed, its SHA-256, when and from where; pdfFile names the signed PDF in documents/.",
  hours: "Hours logged on those placements and whether they were approved.",
  evaluations: "The worksite supervisors' evaluations of those placements.",
  audit:
    "The audit log of those records: who read or changed a student, placement or document (whoever it was), list reads that named them, and this district's exports.",
};

/** README.txt: what the archive is, in English and Spanish, with the manifest's counts. */
export function readme(manifest: Manifest): string {
  const lines = manifest.files.map((f) => `  ${f.name.padEnd(28)} ${String(f.rows).padStart(7)}  ${f.description}`);
  return [
    `Bridgework district export — ${manifest.district.name}`,
    `Generated ${manifest.generatedAt} (UTC) for the district's own records (FERPA, SOPIPA, NDPA).`,
    "",
    "Every record in Bridgework that names one of the district's students, as CSV (for spreadsheets)",
    "and JSON (for programs), one pair per table, with the same columns. Times are ISO 8601 in UTC;",
    `the region's time zone is ${manifest.region.timeZone}. Text cells that a spreadsheet would run as a`,
    "formula (starting with = + - @, tab or carriage return) are written with a leading apostrophe.",
    "Group engagements (tours, talks) count attending students without naming them, so they are not",
    `here. documents/ holds the ${manifest.signedPdfs} signed PDFs byte for byte, named by document id.`,
    "manifest.json lists the same files and counts for programs.",
    "",
    "This archive holds minors' personal data: keep it where your district keeps student records.",
    "",
    "Files (rows):",
    ...lines,
    "",
    "Exportación de datos del distrito: todos los registros de Bridgework que nombran a un estudiante",
    "del distrito, en CSV y JSON con las mismas columnas; las horas en UTC (ISO 8601); los PDF firmados",
    "en documents/. Contiene datos personales de menores: guárdela como los expedientes estudiantiles.",
    "",
  ].join("\n");
}
