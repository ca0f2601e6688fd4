// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, renderWithProviders } from "../../../test/render.tsx";
import { LoginForm } from "./login-form.tsx";

let fetchMock: ReturnType<typeof vi.fn>;
// The form loads its schema with the first check; here that first import compiles the whole
// domain package, which can outlast waitFor's second, so it is compiled before the tests.
beforeAll(async () => {
  await import("../login-schema.ts");
}, 30_000);
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function submit(email: string, password: string) {
  const user = userEvent.setup();
  if (email) await user.type(screen.getByLabelText(/^Email/), email);
  if (password) await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole("button", { name: "Log in" }));
}

describe("login form", () => {
  it("shows the shared schema's errors next to the fields without calling the server", async () => {
    renderWithProviders(<LoginForm />);
    await submit("not-an-email", "");
    const email = screen.getByLabelText(/^Email/);
    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = email.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy.split(" ").find((id) => id.endsWith("-error")) ?? "")?.textContent).toBe(
      "Check the email: an email address looks like name@example.org.",
    );
    expect(screen.getByLabelText(/^Password/).getAttribute("aria-invalid")).toBe("true");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("puts the server's field errors next to the fields and its detail in an alert", async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(400, {
        type: "https://bridgework.dev/problems/validation",
        title: "Invalid request",
        status: 400,
        detail: "The body has 1 invalid field(s).",
        errors: [{ path: "email", message: "This address is not accepted" }],
      }),
    );
    renderWithProviders(<LoginForm />);
    await submit("someone@valley.example", "a-password");
    expect(await screen.findByText("This address is not accepted")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toContain("The body has 1 invalid field(s).");
  });

  it("shows a wrong password's 401 detail and a lockout's 429 detail in the alert", async () => {
    const problem = (status: number, detail: string) =>
      jsonResponse(status, { type: "https://bridgework.dev/problems/x", title: "t", status, detail });
    fetchMock
      .mockResolvedValueOnce(problem(401, "The email or password is not right."))
      .mockResolvedValueOnce(problem(429, "Too many attempts. Try again in 60 seconds."));
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />);
    await submit("teacher@valley.example", "wrong-password");
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("The email or password is not right."));
    expect(fetchMock.mock.calls.filter((c) => c[0] === "/api/auth/refresh")).toHaveLength(0);

    await userEvent.setup().click(screen.getByRole("button", { name: "Log in" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toContain("Too many attempts. Try again in 60 seconds."),
    );
    expect(onSuccess).not.toHaveBeenCalled();
  });
});
