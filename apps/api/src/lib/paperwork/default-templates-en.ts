import type { DocumentKind } from "@bridgework/domain";

/**
 * The region's first version of each form, in plain English. Placeholders in {{double braces}}
 * are filled from the placement when the document is created (see render-template.ts).
 * Intermediaries publish new versions; signed documents keep the text they were signed with.
 */
export const DEFAULT_TEMPLATES_EN: Record<DocumentKind, { title: string; body: string }> = {
  guardian_consent: {
    title: "Parent or guardian consent for a work-based learning placement",
    body: `I am the parent or legal guardian of {{studentName}}, a student at {{schoolName}} in {{districtName}}.

I give permission for {{studentName}} to take part in "{{opportunityTitle}}" with {{employerName}} from {{startDate}} to {{endDate}}. The worksite supervisor is {{supervisorName}}.

I understand that:
- This is a learning experience approved by the school. {{districtName}} arranged it with {{employerName}}, and the school's work-based learning coordinator stays my main contact.
- My student must follow the rules of the school and of the worksite, including safety rules, dress requirements and any training the employer asks for.
- My student will not be asked to do work that state or federal law does not allow for someone of their age.
- Unless the school arranges transportation in writing, I am responsible for how my student gets to and from the worksite.
- The school shares with the employer only what the placement needs: my student's first name, last initial, grade and school, and the emergency information I provide.
- I may withdraw this permission at any time by telling the school coordinator. The placement then ends.

By signing, I confirm that I have read this form and agree to it.`,
  },
  liability_waiver: {
    title: "Acknowledgement of risk and release",
    body: `This form is signed by the student if 18 or older, or otherwise by the student's parent or legal guardian.

{{studentName}} will take part in "{{opportunityTitle}}" with {{employerName}} from {{startDate}} to {{endDate}}, arranged by {{districtName}}. The worksite supervisor is {{supervisorName}}.

Any activity away from school carries some risk, including travel to and from the worksite and the ordinary hazards of a workplace. The employer and the school will take reasonable steps to keep the student safe, and the student will be told the safety rules of the worksite.

By signing, I agree that:
- The student takes part voluntarily.
- The student will follow the instructions of the worksite supervisor and school staff, and will report any injury or unsafe situation right away.
- I release {{districtName}}, its schools and its staff from claims for injury or loss that come from the ordinary risks of this placement. This release does not cover harm caused by negligence or willful misconduct, and it does not take away any right that the law does not allow to be waived.
- I will tell the school coordinator about any health condition or need that could affect the student's safety at the worksite.
- This release covers the dates above and any rescheduled dates of the same placement.`,
  },
  worksite_agreement: {
    title: "Worksite agreement",
    body: `{{employerName}} agrees to host {{studentName}}, a student at {{schoolName}} ({{districtName}}), for "{{opportunityTitle}}" from {{startDate}} to {{endDate}}. {{supervisorName}} is the student's worksite supervisor.

As worksite supervisor, I agree on behalf of {{employerName}} that:
- On the first day the student gets an orientation: safety rules, emergency exits and procedures, and whom to ask for help.
- The student does only tasks that are safe, legal for a person of their age, and part of learning about the work. The student does not replace a regular employee.
- An adult employee supervises the student at all times on site. The student is never alone with one adult in a closed or isolated place.
- Work hours respect the student's school schedule and the legal limits for minors.
- I report any injury, incident or concern to the school coordinator on the same day.
- I keep the student's information private and use it only for this placement.
- I confirm the student's hours when Bridgework asks, and complete a short evaluation at the end.
- {{employerName}} keeps general liability insurance in force for the placement dates, or has told the district coordinator that it does not.`,
  },
  emergency_contact: {
    title: "Emergency contact and medical authorization",
    body: `Student: {{studentName}}, {{schoolName}} ({{districtName}})
Placement: "{{opportunityTitle}}" with {{employerName}}, {{startDate}} to {{endDate}}
Worksite supervisor: {{supervisorName}}

By signing, I confirm that the emergency contact information the school has on file for this student is current. I will tell the school coordinator right away if it changes.

In an emergency, the worksite calls 911 when needed, then the emergency contacts on file, then the school coordinator.

If no parent, guardian or emergency contact can be reached, I authorize the worksite supervisor and school staff to arrange emergency medical treatment for the student by a licensed provider.

I will tell the school coordinator in writing about any allergy, medication or medical condition the worksite should know about to keep the student safe. That information is shared with the worksite supervisor only as far as the student's safety requires.`,
  },
};
