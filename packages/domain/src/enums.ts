/** Roles a person can hold. Guardians and worksite supervisors have no accounts (one-time links). */
export const ROLES = ["intermediary", "coordinator", "teacher", "employer"] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_TYPES = ["district", "school", "employer", "postsecondary", "intermediary"] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/** Which organization type each role must belong to. */
export const ROLE_ORGANIZATION_TYPE: Record<Role, OrganizationType> = {
  intermediary: "intermediary",
  coordinator: "district",
  teacher: "school",
  employer: "employer",
};

/** California's 15 CTE industry sectors. */
export const SECTORS = [
  "Agriculture and Natural Resources",
  "Arts, Media, and Entertainment",
  "Building and Construction Trades",
  "Business and Finance",
  "Education, Child Development, and Family Services",
  "Energy, Environment, and Utilities",
  "Engineering and Architecture",
  "Fashion and Interior Design",
  "Health Science and Medical Technology",
  "Hospitality, Tourism, and Recreation",
  "Information and Communication Technologies",
  "Manufacturing and Product Development",
  "Marketing, Sales, and Service",
  "Public Services",
  "Transportation",
] as const;
export type Sector = (typeof SECTORS)[number];

/** The WBL continuum levels (plus the educator track, which is not a student level). */
export const LEVELS = ["exposure", "engagement", "experience", "educator"] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = {
  exposure: "Career exposure",
  engagement: "Career engagement",
  experience: "Career experience",
  educator: "Educator",
};

/** Every opportunity/request kind and the continuum level it belongs to. */
export const KIND_LEVEL = {
  guest_speaker: "exposure",
  career_fair: "exposure",
  industry_tour: "exposure",
  job_shadow: "engagement",
  informational_interview: "engagement",
  mock_interview: "engagement",
  mentoring: "engagement",
  industry_project: "engagement",
  student_enterprise: "engagement",
  simulated_work: "engagement",
  internship: "experience",
  pre_apprenticeship: "experience",
  apprenticeship: "experience",
  paid_work_experience: "experience",
  teacher_externship: "educator",
  advisory_board: "educator",
} as const satisfies Record<string, Level>;

export type Kind = keyof typeof KIND_LEVEL;
export const KINDS = Object.keys(KIND_LEVEL) as [Kind, ...Kind[]];

/**
 * Kinds a single student is placed into (a placement: one student, one opportunity, with
 * paperwork): job shadows, mentoring, internships, apprenticeships, paid work. Group events
 * (talks, tours, fairs), class projects and educator kinds are brokered as requests instead.
 */
export const PLACEMENT_KINDS = [
  "job_shadow",
  "mentoring",
  "internship",
  "pre_apprenticeship",
  "apprenticeship",
  "paid_work_experience",
] as const satisfies readonly Kind[];

export function levelOf(kind: Kind): Level {
  return KIND_LEVEL[kind];
}

export const KIND_LABELS: Record<Kind, string> = {
  guest_speaker: "Guest speaker",
  career_fair: "Career fair",
  industry_tour: "Industry tour",
  job_shadow: "Job shadow",
  informational_interview: "Informational interview",
  mock_interview: "Mock interview",
  mentoring: "Mentoring",
  industry_project: "Industry project",
  student_enterprise: "Student enterprise",
  simulated_work: "Simulated work",
  internship: "Internship",
  pre_apprenticeship: "Pre-apprenticeship",
  apprenticeship: "Apprenticeship",
  paid_work_experience: "Paid work experience",
  teacher_externship: "Teacher externship",
  advisory_board: "Advisory board",
};

export const MODALITIES = ["in_person", "virtual", "hybrid"] as const;
export type Modality = (typeof MODALITIES)[number];
