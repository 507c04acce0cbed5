package dev.tributary.dashboard;

/**
 * How a domain adds a page to the dashboard: implement this and list the class in {@code
 * META-INF/services/dev.tributary.dashboard.PageProvider}; {@link DashboardMain} finds every
 * provider on the class path.
 */
public interface PageProvider {
  /** The page over the views of index version {@code indexVersion} (e.g. {@code v1}). */
  DashboardPage page(String indexVersion);
}
