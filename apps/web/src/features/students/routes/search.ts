/** `/students?edit=<id>` opens that student's edit form (links from CALPADS readiness use it). */
export interface StudentsSearch {
  edit?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateStudentsSearch(search: Record<string, unknown>): StudentsSearch {
  return typeof search.edit === "string" && UUID.test(search.edit) ? { edit: search.edit } : {};
}
