package dev.tributary.runners;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layout rules, read from the compiled classes of every module: generic code never depends on a
 * domain's code, and no domain depends on another's. Domains reach the generic tools through the
 * {@code Domain} registry ({@link java.util.ServiceLoader}), not through imports.
 */
class ArchitectureTest {
  /** The domains' package names; each module keeps a domain's code in a package of that name. */
  static final List<String> DOMAINS =
      List.of("banking", "commerce", "gameevents", "gambling", "social");

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tributary");

  private static String[] packagesOf(List<String> domains) {
    return domains.stream().map(d -> "dev.tributary.." + d + "..").toArray(String[]::new);
  }

  @Test
  void theImportSeesEveryModule() {
    for (String module :
        List.of(
            "options", "transforms", "detect", "io", "testdata", "pipelines", "runners", "infra")) {
      assertTrue(
          CLASSES.stream().anyMatch(c -> c.getPackageName().startsWith("dev.tributary." + module)),
          "no class of dev.tributary." + module + " was imported");
    }
    assertTrue(
        CLASSES.stream().anyMatch(c -> c.getPackageName().endsWith(".banking")),
        "no banking class was imported");
  }

  @Test
  void genericCodeDependsOnNoDomain() {
    String[] domains = packagesOf(DOMAINS);
    noClasses()
        .that()
        .resideOutsideOfPackages(domains)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(domains)
        .because(
            "generic packages must serve every domain; a domain registers itself as a Domain service")
        .check(CLASSES);
  }

  @Test
  void noDomainDependsOnAnother() {
    for (String domain : DOMAINS) {
      String[] others = packagesOf(DOMAINS.stream().filter(d -> !d.equals(domain)).toList());
      noClasses()
          .that()
          .resideInAnyPackage("dev.tributary.." + domain + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .because("each domain stands on the generic core alone")
          .allowEmptyShould(true)
          .check(CLASSES);
    }
  }
}
