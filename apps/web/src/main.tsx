import "@mantine/core/styles.css";
import "./styles.css";
import "./lib/i18n.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { restoreSession } from "./lib/auth.ts";

// Started once here, not in an effect: StrictMode runs effects twice, and a second refresh with
// the same cookie would look like token theft to the server and end the session.
void restoreSession();

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
