package dev.tributary.pipelines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The registry of domains: every {@link Domain} on the class path, by name. */
public final class Domains {
  private Domains() {}

  /** Every registered domain, sorted by name. */
  public static List<Domain> all() {
    List<Domain> domains = new ArrayList<>();
    ServiceLoader.load(Domain.class, Domains.class.getClassLoader()).forEach(domains::add);
    domains.sort(Comparator.comparing(Domain::name));
    return domains;
  }

  /** The domain called {@code name}; fails with the names known when there is none. */
  public static Domain named(String name) {
    for (Domain domain : all()) {
      if (domain.name().equals(name)) {
        return domain;
      }
    }
    throw new IllegalArgumentException(
        "unknown domain '" + name + "'; known: " + all().stream().map(Domain::name).toList());
  }
}
