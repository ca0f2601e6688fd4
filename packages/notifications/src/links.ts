/**
 * Addresses people open from an email. Built from the public URL given at start (never read
 * from the environment here), so the API and the worker write the same links.
 */
export interface Links {
  match(id: string): string;
  /** The match page scrolled to its "How did it go?" form (the hash survives the login redirect). */
  matchFeedback(id: string): string;
  placement(id: string): string;
  insurance(): string;
  /** A one-time signing link: one document, or a signer's whole packet for a placement. */
  sign(token: string): string;
  hours(token: string): string;
  evaluate(token: string): string;
  invitation(token: string): string;
  passwordReset(token: string): string;
  home(): string;
  /** The District data page (exports), with the district chosen for an intermediary. */
  districtData(districtId: string): string;
  /** The one-time link that confirms a company's public "Get involved" submission. */
  interestConfirm(regionSlug: string, token: string): string;
}

export function createLinks(publicUrl: string): Links {
  const base = publicUrl.replace(/\/$/, "");
  return {
    match: (id) => `${base}/matches/${id}`,
    matchFeedback: (id) => `${base}/matches/${id}#feedback`,
    placement: (id) => `${base}/placements/${id}`,
    insurance: () => `${base}/insurance`,
    sign: (token) => `${base}/sign/${token}`,
    hours: (token) => `${base}/hours/${token}`,
    evaluate: (token) => `${base}/evaluate/${token}`,
    invitation: (token) => `${base}/invite/${token}`,
    passwordReset: (token) => `${base}/reset-password/${token}`,
    home: () => `${base}/`,
    districtData: (districtId) => `${base}/district-data?district=${districtId}`,
    interestConfirm: (regionSlug, token) => `${base}/r/${encodeURIComponent(regionSlug)}/get-involved/confirm/${token}`,
  };
}
