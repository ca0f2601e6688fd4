/** The "Get involved" form's values (strings, as inputs hold them) and how they become the API's body. */

/** The form as typed: text inputs hold strings, checkbox groups lists of strings. */
export interface InterestFormValues {
  companyName: string;
  website: string;
  companySize: string;
  street: string;
  city: string;
  postalCode: string;
  sectors: string[];
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  contactRole: string;
  ways: string[];
  months: string[];
  modality: string;
  note: string;
  faxNumber: string;
}
export type Field = keyof InterestFormValues;
export const FIELDS: Field[] = [
  "companyName",
  "website",
  "companySize",
  "street",
  "city",
  "postalCode",
  "sectors",
  "contactName",
  "contactEmail",
  "contactPhone",
  "contactRole",
  "ways",
  "months",
  "modality",
  "note",
];
export const EMPTY: InterestFormValues = {
  companyName: "",
  website: "",
  companySize: "",
  street: "",
  city: "",
  postalCode: "",
  sectors: [],
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  contactRole: "",
  ways: [],
  months: [],
  modality: "",
  note: "",
  faxNumber: "",
};

/** `contact.name` → `contactName`; `months.0` → `months`. */
export const fieldOf = (path: string): Field | undefined => {
  const [head, sub] = path.split(".");
  if (head === "contact" && sub) return `contact${sub[0]!.toUpperCase()}${sub.slice(1)}` as Field;
  if (head === "language") return undefined;
  return head as Field;
};

export const toInput = (v: InterestFormValues, language: string) => ({
  companyName: v.companyName,
  website: v.website,
  companySize: v.companySize || undefined,
  street: v.street,
  city: v.city,
  postalCode: v.postalCode,
  sectors: v.sectors,
  contact: { name: v.contactName, email: v.contactEmail.trim(), phone: v.contactPhone, role: v.contactRole },
  // The emails follow the language the company filled the form in.
  language: language.startsWith("es") ? "es" : "en",
  ways: v.ways,
  months: v.months.map(Number),
  modality: v.modality || null,
  note: v.note,
  faxNumber: v.faxNumber,
});

export const monthNames = (language: string) => {
  const format = new Intl.DateTimeFormat(language, { month: "long", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, i) => {
    const name = format.format(new Date(Date.UTC(2027, i, 1)));
    return { value: String(i + 1), label: name[0]!.toUpperCase() + name.slice(1) };
  });
};
