// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../lib/i18n.ts";
import { renderWithProviders } from "../test/render.tsx";
import { DataTable, type DataTableColumn } from "./data-table.tsx";

interface School {
  id: string;
  name: string;
  city: string | null;
  students: number;
}

const schools: School[] = [
  { id: "1", name: "Valley High", city: "Fresno", students: 1200 },
  { id: "2", name: "Ávila Middle", city: null, students: 90 },
  { id: "3", name: "Northgate High", city: "Clovis", students: 640 },
];

const columns = (onEdit = (_: School) => {}): DataTableColumn<School>[] => [
  { id: "name", header: "Name", cell: (s) => s.name, sortValue: (s) => s.name, rowHeader: true },
  { id: "city", header: "City", cell: (s) => s.city ?? "—", sortValue: (s) => s.city },
  { id: "students", header: "Students", cell: (s) => String(s.students), sortValue: (s) => s.students },
  { id: "note", header: "Note", cell: () => "ok" },
  {
    id: "actions",
    header: "Actions",
    headerHidden: true,
    cell: (s) => (
      <button type="button" onClick={() => onEdit(s)}>
        Edit {s.name}
      </button>
    ),
  },
];

/** The row headers from top to bottom: the order the rows are shown in. */
const order = () => screen.getAllByRole("rowheader").map((th) => th.textContent);
const header = (name: string) => screen.getByRole("columnheader", { name });

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage("en");
});

describe("DataTable", () => {
  it("is a real table named by its caption, with column headers, row headers and cells", () => {
    renderWithProviders(
      <DataTable
        caption="Schools in your region"
        columns={columns()}
        data={schools}
        rowKey={(s) => s.id}
        empty="No schools."
      />,
    );
    const table = screen.getByRole("table", { name: "Schools in your region" });
    // Named by their text alone: the sort arrows are hidden from screen readers.
    expect(within(table).getAllByRole("columnheader")).toEqual(
      ["Name", "City", "Students", "Note", "Actions"].map((name) => within(table).getByRole("columnheader", { name })),
    );
    expect(order()).toEqual(["Valley High", "Ávila Middle", "Northgate High"]);
    const row = screen.getByRole("row", { name: /Northgate High/ });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((td) => td.textContent),
    ).toEqual(["Clovis", "640", "ok", "Edit Northgate High"]);
    // The sideways-scrolling box is reachable by keyboard and named like the table.
    expect(screen.getByRole("group", { name: "Schools in your region" }).getAttribute("tabindex")).toBe("0");
  });

  it("sorts by a column's button: ascending, descending, then back to the order it was given", () => {
    renderWithProviders(
      <DataTable caption="Schools" columns={columns()} data={schools} rowKey={(s) => s.id} empty="No schools." />,
    );
    expect(header("Name").getAttribute("aria-sort")).toBeNull();
    const sortByName = within(header("Name")).getByRole("button", { name: "Name" });

    fireEvent.click(sortByName);
    expect(order()).toEqual(["Ávila Middle", "Northgate High", "Valley High"]);
    expect(header("Name").getAttribute("aria-sort")).toBe("ascending");
    expect(screen.getByText("Sorted by Name, ascending")).toBeTruthy();

    fireEvent.click(sortByName);
    expect(order()).toEqual(["Valley High", "Northgate High", "Ávila Middle"]);
    expect(header("Name").getAttribute("aria-sort")).toBe("descending");

    fireEvent.click(sortByName);
    expect(order()).toEqual(["Valley High", "Ávila Middle", "Northgate High"]);
    expect(header("Name").getAttribute("aria-sort")).toBeNull();
  });

  it("sorts numbers by size and keeps empty values last in both directions", () => {
    renderWithProviders(
      <DataTable caption="Schools" columns={columns()} data={schools} rowKey={(s) => s.id} empty="No schools." />,
    );
    fireEvent.click(within(header("Students")).getByRole("button", { name: "Students" }));
    expect(order()).toEqual(["Ávila Middle", "Northgate High", "Valley High"]);
    // One sorted column at a time: the other loses its aria-sort.
    fireEvent.click(within(header("City")).getByRole("button", { name: "City" }));
    expect(header("Students").getAttribute("aria-sort")).toBeNull();
    expect(order()).toEqual(["Northgate High", "Valley High", "Ávila Middle"]);
    fireEvent.click(within(header("City")).getByRole("button", { name: "City" }));
    expect(order()).toEqual(["Valley High", "Northgate High", "Ávila Middle"]);
  });

  it("offers no sort button on a column without a sort value, and hides an actions header from sight only", () => {
    renderWithProviders(
      <DataTable caption="Schools" columns={columns()} data={schools} rowKey={(s) => s.id} empty="No schools." />,
    );
    expect(within(header("Note")).queryByRole("button")).toBeNull();
    expect(within(header("Actions")).queryByRole("button")).toBeNull();
    expect(screen.getAllByRole("button").filter((b) => b.closest("thead"))).toHaveLength(3);
  });

  it("runs row actions from cell renderers with their row", () => {
    const onEdit = vi.fn();
    renderWithProviders(
      <DataTable caption="Schools" columns={columns(onEdit)} data={schools} rowKey={(s) => s.id} empty="No schools." />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Edit Ávila Middle" }));
    expect(onEdit).toHaveBeenCalledWith(schools[1]);
  });

  it("shows the empty message instead of a table when there are no rows", () => {
    renderWithProviders(
      <DataTable caption="Schools" columns={columns()} data={[]} rowKey={(s) => s.id} empty="No schools match." />,
    );
    expect(screen.getByText("No schools match.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("announces loading, in the reader's language, while the rows are on their way", async () => {
    renderWithProviders(
      <DataTable caption="Schools" columns={columns()} data={undefined} rowKey={(s) => s.id} empty="No schools." />,
    );
    expect(screen.getByRole("status").textContent).toBe("Loading Schools…");
    expect(screen.queryByRole("table")).toBeNull();
    await act(() => i18n.changeLanguage("es"));
    expect(screen.getByRole("status").textContent).toBe("Cargando Schools…");
  });

  it("shows the loading state while told to, even with rows at hand", () => {
    renderWithProviders(
      <DataTable
        caption="Schools"
        columns={columns()}
        data={schools}
        loading
        rowKey={(s) => s.id}
        empty="No schools."
      />,
    );
    expect(screen.getByRole("status")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("takes an aria-label where a heading already names the table, and may scroll up and down too", () => {
    renderWithProviders(
      <DataTable
        label="Matches for this request"
        maxHeight={300}
        columns={columns()}
        data={schools}
        rowKey={(s) => s.id}
        empty="None."
      />,
    );
    expect(screen.getByRole("table", { name: "Matches for this request" }).querySelector("caption")).toBeNull();
    const box = screen.getByRole("group", { name: "Matches for this request" });
    expect(box.style.maxHeight).toBe("300px");
    expect(box.getAttribute("tabindex")).toBe("0");
  });

  it("sorts text in the reader's language and says so in Spanish", async () => {
    await i18n.changeLanguage("es");
    renderWithProviders(
      <DataTable caption="Escuelas" columns={columns()} data={schools} rowKey={(s) => s.id} empty="Ninguna." />,
    );
    fireEvent.click(within(header("Name")).getByRole("button", { name: "Name" }));
    expect(order()[0]).toBe("Ávila Middle");
    expect(screen.getByText("Ordenado por Name, de forma ascendente")).toBeTruthy();
  });
});
