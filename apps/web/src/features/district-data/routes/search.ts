/** The district-data page's search (`?district=`): its own module, so the router can load the page lazily. */
export interface DistrictDataSearch {
  district?: string;
}

export const validateDistrictDataSearch = (search: Record<string, unknown>): DistrictDataSearch => ({
  district: typeof search.district === "string" ? search.district : undefined,
});
