import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/buttons.css";
import "./styles/forms.css";
import "./styles/feedback.css";
import "./styles/menus.css";
import "./styles/shell-widgets.css";
import "./styles/table.css";
import "./styles/records.css";
import "./styles/dialogs.css";
import "./styles/screens.css";
import "./styles/rotation.css";
import "./styles/monitoring.css";
import "./styles/team.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
