// The text a PDF reader extracts, for tests outside the signing feature (features never import each other).
export { pdfText } from "../src/features/signing/pdf-text.ts";
