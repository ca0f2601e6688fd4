import type { CompanyFacts } from "./duplicates.ts";

/**
 * The test set for duplicate detection: pairs a person labelled by hand. `duplicate: true` when
 * both describe the same company (a submission from a company already in the region, or the same
 * company raising its hand twice); false for look-alikes that are different companies. Used by
 * duplicates.test.ts (precision and recall of the rule) and by the API's test that PostgreSQL's
 * similarity() gives the same scores.
 */
export interface LabelledPair {
  a: CompanyFacts;
  b: CompanyFacts;
  duplicate: boolean;
}

const c = (name: string, website: string | null, email: string | null, postalCode: string | null): CompanyFacts => ({
  name,
  website,
  emails: email ? [email] : [],
  postalCode,
});

export const DUPLICATE_TEST_SET: LabelledPair[] = [
  // True duplicates: the same company written another way.
  {
    a: c("Valley Medical Center", "https://valleymed.example", "hr@valleymed.example", "93721"),
    b: c("Valley Medical Ctr.", null, "ana@gmail.com", "93721"),
    duplicate: true,
  },
  {
    a: c("ACME, Inc.", "https://www.acme.com", null, "93701"),
    b: c("Acme Corporation", "acme.com/about", null, null),
    duplicate: true,
  },
  {
    a: c("The Fresno Bee", "fresnobee.com", null, "93721"),
    b: c("Fresno Bee", null, "news@fresnobee.com", "93721"),
    duplicate: true,
  },
  {
    a: c("Sierra Builders LLC", null, null, "93710"),
    b: c("Sierra Builders", null, null, "93710-2231"),
    duplicate: true,
  },
  {
    a: c("Panadería La Esperanza", null, null, "93702"),
    b: c("Panaderia la Esperanza S.A. de C.V.", null, null, "93702"),
    duplicate: true,
  },
  {
    a: c("Kaiser Permanente", "https://kp.org", null, "94612"),
    b: c("Kaiser Permanente Fresno Medical Center", "healthy.kp.org/fresno", "jo@kp.org", "93720"),
    duplicate: true,
  },
  { a: c("Johnson & Johnson", "jnj.com", null, null), b: c("Johnson and Johnson", null, null, null), duplicate: true },
  {
    a: c("Central Valley Mfg. Co.", null, null, "93725"),
    b: c("Central Valley Manufacturing Company", null, null, "93725"),
    duplicate: true,
  },
  {
    a: c("Pacific Gas & Electric Company", "pge.com", null, null),
    b: c("PG&E", "https://www.pge.com/", "lee@pge.com", "94105"),
    duplicate: true,
  },
  {
    a: c("Saint Agnes Medical Center", "samc.com", null, "93720"),
    b: c("St. Agnes Medical Center", null, "pat@samc.com", "93720"),
    duplicate: true,
  },
  {
    a: c("Gómez Construcción", null, null, "93706"),
    b: c("Gomez Construccion Inc", null, null, "93706"),
    duplicate: true,
  },
  {
    a: c("Blue Sky Solar Ltd.", "blueskysolar.com", null, null),
    b: c("Blue Sky Solar", "http://blueskysolar.com", null, null),
    duplicate: true,
  },
  {
    a: c("Fresno Unified Transportation Dept", null, null, "93721"),
    b: c("Fresno Unified Transportation Department", null, null, "93721"),
    duplicate: true,
  },
  {
    a: c("Riverside Dental Group", "riversidedental.com", null, "93650"),
    b: c("Riverside Dental", null, "front@riversidedental.com", "93650"),
    duplicate: true,
  },
  {
    a: c("Golden State Intl Trucking", null, null, "93725"),
    b: c("Golden State International Trucking, Inc.", null, null, "93725"),
    duplicate: true,
  },
  {
    a: c("Tech Pros LLC", "techpros.io", null, null),
    b: c("TechPros", "www.techpros.io", null, null),
    duplicate: true,
  },
  {
    a: c("Valley Children's Hospital", "valleychildrens.org", null, "93636"),
    b: c("Valley Childrens Hospital", null, null, "93636"),
    duplicate: true,
  },
  {
    a: c("Harris Ranch Beef Co.", null, null, "93210"),
    b: c("Harris Ranch Beef Company", null, null, null),
    duplicate: true,
  },
  {
    a: c("Community Regional Medical Center", "communitymedical.org", null, "93721"),
    b: c("Community Regional", null, "it@communitymedical.org", "93721"),
    duplicate: true,
  },
  { a: c("El Sol Bakery", null, null, "93702"), b: c("Sol Bakery", null, null, "93702"), duplicate: true },

  // Look-alikes that are different companies.
  {
    a: c("Valley Medical Center", "valleymed.example", null, "93721"),
    b: c("Valley Dental Center", null, null, "93650"),
    duplicate: false,
  },
  {
    a: c("Valley Medical Center", "valleymed.example", "hr@valleymed.example", "93721"),
    b: c("Valley Dental Center", "valleydental.example", null, "93721"),
    duplicate: false,
  },
  { a: c("Sierra Builders", null, null, "93710"), b: c("Sierra Bakery", null, null, "93710"), duplicate: false },
  {
    a: c("Fresno Auto Body", null, "a@gmail.com", "93702"),
    b: c("Fresno Auto Parts", null, "b@gmail.com", "93702"),
    duplicate: false,
  },
  {
    a: c("Central Valley Bank", "cvb.example", null, "93721"),
    b: c("Central Valley Farms", "cvfarms.example", null, "93725"),
    duplicate: false,
  },
  {
    a: c("Acme Plumbing", "acmeplumbing.example", null, "93701"),
    b: c("Acme Electric", "acme-electric.example", null, "93701"),
    duplicate: false,
  },
  {
    a: c("Blue Sky Solar", "blueskysolar.com", null, null),
    b: c("Blue Sky Roofing", "blueskyroofing.com", null, null),
    duplicate: false,
  },
  {
    a: c("Riverside Dental Group", "riversidedental.com", null, "93650"),
    b: c("Riverside Medical Group", "riversidemed.com", null, "93650"),
    duplicate: false,
  },
  {
    a: c("Golden State Trucking", null, null, "93725"),
    b: c("Golden State Warriors", null, null, "94158"),
    duplicate: false,
  },
  {
    a: c("Smith Family Farms", null, "joe@yahoo.com", "93210"),
    b: c("Smith Family Dentistry", null, "ann@yahoo.com", "93210"),
    duplicate: false,
  },
  {
    a: c("Pacific Gas & Electric", "pge.com", null, null),
    b: c("Pacific Electric Supply", "pacificelectric.example", null, null),
    duplicate: false,
  },
  {
    a: c("Bay Area Builders", "facebook.com/bayareabuilders", null, null),
    b: c("Valley Builders", "https://facebook.com/valleybuilders", null, null),
    duplicate: false,
  },
  {
    a: c("Fresno State Foundation", "fresnostate.edu", null, "93740"),
    b: c("Fresno City College", "fresnocitycollege.edu", null, "93741"),
    duplicate: false,
  },
  {
    a: c("Mountain View Nursery", null, null, "93611"),
    b: c("Mountain View Nursing Home", null, null, "93612"),
    duplicate: false,
  },
  {
    a: c("Lopez Landscaping", null, "info@outlook.com", null),
    b: c("Lopez Legal Services", null, "office@outlook.com", null),
    duplicate: false,
  },
  { a: c("Sunrise Pediatrics", null, null, "93720"), b: c("Sunset Pediatrics", null, null, "93711"), duplicate: false },
  {
    a: c("North Fork Winery", null, null, "93643"),
    b: c("North Fork Rancheria", null, null, "93643"),
    duplicate: false,
  },
  {
    a: c("Tech Pros", "techpros.io", null, null),
    b: c("Tech Solutions", "techsolutions.example", null, null),
    duplicate: false,
  },
  { a: c("ABC Daycare", null, null, "93702"), b: c("ABC Roofing", null, null, "93702"), duplicate: false },
  {
    a: c("Valley Children's Hospital", "valleychildrens.org", null, "93636"),
    b: c("Valley Children's Museum", null, null, "93721"),
    duplicate: false,
  },
];
