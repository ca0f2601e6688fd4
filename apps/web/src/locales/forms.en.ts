/** English text of the shared form pieces (searchable choosers); es has the same keys. */
export const formsEn = {
  chooser: {
    placeholder: "Type to search",
    searching: "Searching…",
    nothing: "Nothing matches. Try another part of the name.",
    more: "Showing {{shown}} of {{total}}; type more of the name to narrow the list.",
  },
  placement: {
    opportunityHint:
      "Placement kinds (job shadows, internships, apprenticeships…) that are published and have a seat left, by employer.",
    studentHint: "Type part of a name or the local id.",
    seats_one: "{{count}} seat left",
    seats_other: "{{count}} seats left",
  },
};
