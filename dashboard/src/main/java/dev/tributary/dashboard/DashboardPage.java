package dev.tributary.dashboard;

import java.util.List;

/**
 * One page of the dashboard, as a domain describes it: its name (in its URL, {@code
 * /pages/<name>}), its title and its panels, drawn in order.
 */
public record DashboardPage(String name, String title, String description, List<Panel> panels) {
  public DashboardPage {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException(
          "a page name is lower-case letters, digits and '-', got '" + name + "'");
    }
    panels = List.copyOf(panels);
  }

  /** The panel with this id, or null. */
  public Panel panel(String id) {
    return panels.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
  }
}
