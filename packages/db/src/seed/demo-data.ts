import type { OrganizationType, Role, Sector } from "@bridgework/domain";

export const DEMO_PASSWORD = "bridgework-demo";

export interface DemoOrg {
  key: string;
  type: OrganizationType;
  name: string;
  parent?: string;
  sectors?: Sector[];
  city?: string;
  postalCode?: string;
  /** A school's local code. */
  localCode?: string;
}

export interface DemoRegion {
  name: string;
  slug: string;
  orgs: DemoOrg[];
  users: { email: string; name: string; role: Role; org: string }[];
  pathways: { name: string; sector: Sector; school: string }[];
}

/** The logins api.md promises, plus enough of a region to look real. */
export const DEMO_REGIONS: DemoRegion[] = [
  {
    name: "Valley",
    slug: "valley",
    orgs: [
      {
        key: "vcpc",
        type: "intermediary",
        name: "Valley Career Pathways Collaborative",
        city: "Fresno",
        postalCode: "93721",
      },
      { key: "vusd", type: "district", name: "Valley Unified", city: "Fresno", postalCode: "93721" },
      { key: "rusd", type: "district", name: "Riverbend Unified", city: "Clovis", postalCode: "93612" },
      {
        key: "vhs",
        type: "school",
        name: "Valley High",
        parent: "vusd",
        city: "Fresno",
        postalCode: "93722",
        localCode: "VHS",
      },
      {
        key: "ehs",
        type: "school",
        name: "Eastside High",
        parent: "vusd",
        city: "Fresno",
        postalCode: "93727",
        localCode: "EHS",
      },
      {
        key: "rhs",
        type: "school",
        name: "Riverbend High",
        parent: "rusd",
        city: "Clovis",
        postalCode: "93612",
        localCode: "RHS",
      },
      {
        key: "vmc",
        type: "employer",
        name: "Valley Medical Center",
        sectors: ["Health Science and Medical Technology"],
        city: "Fresno",
        postalCode: "93721",
      },
      {
        key: "sierra",
        type: "employer",
        name: "Sierra Builders",
        sectors: ["Building and Construction Trades"],
        city: "Clovis",
        postalCode: "93612",
      },
      {
        key: "pixel",
        type: "employer",
        name: "Pixel Orchard Software",
        sectors: ["Information and Communication Technologies"],
        city: "Fresno",
        postalCode: "93710",
      },
      {
        key: "agco",
        type: "employer",
        name: "Central Valley Ag Co-op",
        sectors: ["Agriculture and Natural Resources"],
        city: "Sanger",
        postalCode: "93657",
      },
      { key: "fcc", type: "postsecondary", name: "Fresno City College", city: "Fresno", postalCode: "93741" },
    ],
    users: [
      { email: "intermediary@valley.example", name: "Irene Alvarez", role: "intermediary", org: "vcpc" },
      { email: "coordinator@valley.example", name: "Carlos Mendoza", role: "coordinator", org: "vusd" },
      { email: "teacher@valley.example", name: "Tanya Nguyen", role: "teacher", org: "vhs" },
      { email: "employer@valley.example", name: "Elena Park", role: "employer", org: "vmc" },
      { email: "teacher2@valley.example", name: "Marcus Reed", role: "teacher", org: "ehs" },
      { email: "builder@valley.example", name: "Sam Ortiz", role: "employer", org: "sierra" },
      { email: "coordinator@riverbend.example", name: "Rita Singh", role: "coordinator", org: "rusd" },
    ],
    pathways: [
      { name: "Health Science", sector: "Health Science and Medical Technology", school: "vhs" },
      { name: "Software and Systems Development", sector: "Information and Communication Technologies", school: "vhs" },
      { name: "Residential and Commercial Construction", sector: "Building and Construction Trades", school: "ehs" },
      { name: "Agriscience", sector: "Agriculture and Natural Resources", school: "rhs" },
    ],
  },
  {
    name: "Coast",
    slug: "coast",
    orgs: [
      { key: "ccp", type: "intermediary", name: "Coast Pathways Partnership", city: "Monterey", postalCode: "93940" },
      { key: "cusd", type: "district", name: "Coast Unified", city: "Monterey", postalCode: "93940" },
      {
        key: "chs",
        type: "school",
        name: "Coast High",
        parent: "cusd",
        city: "Monterey",
        postalCode: "93940",
        localCode: "CHS",
      },
      {
        key: "harbor",
        type: "employer",
        name: "Harbor Marine Lab",
        sectors: ["Energy, Environment, and Utilities"],
        city: "Monterey",
        postalCode: "93940",
      },
    ],
    users: [
      { email: "intermediary@coast.example", name: "Ines Costa", role: "intermediary", org: "ccp" },
      { email: "coordinator@coast.example", name: "Cody Brooks", role: "coordinator", org: "cusd" },
      { email: "employer@coast.example", name: "Erin Walsh", role: "employer", org: "harbor" },
      { email: "teacher@coast.example", name: "Theo Marsh", role: "teacher", org: "chs" },
    ],
    pathways: [{ name: "Marine Science", sector: "Energy, Environment, and Utilities", school: "chs" }],
  },
];

/** Printed at start so a newcomer can log in. */
export const DEMO_LOGINS = [
  ["intermediary@valley.example", "intermediary", "Valley Career Pathways Collaborative"],
  ["coordinator@valley.example", "coordinator", "Valley Unified"],
  ["teacher@valley.example", "teacher", "Valley High"],
  ["employer@valley.example", "employer", "Valley Medical Center"],
  ["coordinator@coast.example", "coordinator", "Coast Unified (another region)"],
  ["employer@coast.example", "employer", "Harbor Marine Lab (another region)"],
] as const;
