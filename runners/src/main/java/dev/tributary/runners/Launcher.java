package dev.tributary.runners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.options.templates.TemplateDefinition;
import dev.tributary.options.templates.TemplateMetadata;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Launches pipelines the way Dataflow templates are launched: by name, with declared parameters
 * that are checked before anything is built.
 *
 * <pre>
 * Launcher list
 * Launcher describe Banking_Fraud_Detection_Batch
 * Launcher run Banking_Fraud_Detection_Batch --parameters input=in/*.jsonl,accounts=ref/accounts.jsonl,output=out \
 *     --runner=SparkRunner --sparkMaster=local[2]
 * Launcher run --spec launch.json      # {"template": ..., "parameters": {...}, "environment": {"runner": ...}}
 * </pre>
 *
 * <p>Anything after the template that is not {@code --parameters} or {@code --spec} is passed to
 * the runner as it is (the environment: {@code --runner}, {@code --flinkMaster}, ...). Exit codes:
 * 0 done, 2 refused (unknown template, bad parameters), 1 failed while running.
 */
public final class Launcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Launcher() {}

  public static void main(String[] args) {
    int code = execute(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs one launcher command; returns its exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      out.println(
          "Usage: Launcher list | describe TEMPLATE | run TEMPLATE --parameters k=v,k=v [--runner=... ...]"
              + " | run --spec FILE.json");
      return args.length == 0 ? 2 : 0;
    }
    switch (args[0]) {
      case "list" -> {
        for (TemplateDefinition t : Templates.ALL) {
          out.printf(
              "%-36s %-9s %s%n",
              t.template().name(),
              t.template().streaming() ? "streaming" : "batch",
              t.template().displayName());
        }
        return 0;
      }
      case "describe" -> {
        Optional<TemplateDefinition> template =
            args.length > 1 ? Templates.named(args[1]) : Optional.empty();
        if (template.isEmpty()) {
          return unknownTemplate(args.length > 1 ? args[1] : "", err);
        }
        out.print(TemplateMetadata.markdown(template.get()));
        return 0;
      }
      case "run" -> {
        return run(args, out, err);
      }
      default -> {
        err.println("unknown command '" + args[0] + "'; use list, describe or run");
        return 2;
      }
    }
  }

  private static int run(String[] args, PrintStream out, PrintStream err) {
    String name = null;
    Map<String, String> parameters = new LinkedHashMap<>();
    List<String> environment = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--spec") || arg.startsWith("--spec=")) {
        String file =
            arg.equals("--spec") && i + 1 < args.length
                ? args[++i]
                : arg.substring("--spec=".length());
        try {
          JsonNode spec = JSON.readTree(Path.of(file).toFile());
          name = spec.path("template").asText(null);
          spec.path("parameters")
              .fields()
              .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
          spec.path("environment")
              .fields()
              .forEachRemaining(
                  e -> environment.add("--" + e.getKey() + "=" + e.getValue().asText()));
        } catch (IOException e) {
          err.println("cannot read spec file " + file + ": " + e.getMessage());
          return 2;
        }
      } else if (arg.equals("--parameters") || arg.startsWith("--parameters=")) {
        String list =
            arg.equals("--parameters") && i + 1 < args.length
                ? args[++i]
                : arg.substring("--parameters=".length());
        String last = null;
        for (String piece : list.split(",")) {
          int eq = piece.indexOf('=');
          if (eq > 0) {
            last = piece.substring(0, eq);
            parameters.put(last, piece.substring(eq + 1));
          } else if (last != null) {
            parameters.put(
                last,
                parameters.get(last) + "," + piece); // a value with a comma, e.g. host:1,host:2
          } else {
            err.println(
                "--parameters takes name=value pairs separated by ',', got '" + piece + "'");
            return 2;
          }
        }
      } else if (arg.startsWith("--")) {
        environment.add(arg);
      } else if (name == null) {
        name = arg;
      } else {
        err.println("unexpected argument '" + arg + "'");
        return 2;
      }
    }
    Optional<TemplateDefinition> template = name == null ? Optional.empty() : Templates.named(name);
    if (template.isEmpty()) {
      return unknownTemplate(name == null ? "" : name, err);
    }
    List<String> problems = template.get().check(parameters);
    if (!problems.isEmpty()) {
      err.println("Template " + name + " refused its parameters:");
      problems.forEach(p -> err.println("  - " + p));
      err.println("See: Launcher describe " + name);
      return 2;
    }
    List<String> pipelineArgs = new ArrayList<>(environment);
    parameters.forEach((k, v) -> pipelineArgs.add("--" + k + "=" + v));
    out.println("Launching " + name + " with " + parameters.keySet() + " on " + environment);
    try {
      template
          .get()
          .pipelineClass()
          .getMethod("main", String[].class)
          .invoke(null, (Object) pipelineArgs.toArray(String[]::new));
      return 0;
    } catch (InvocationTargetException e) {
      err.println(name + " failed: " + e.getCause());
      return 1;
    } catch (ReflectiveOperationException e) {
      err.println(name + " cannot be launched: " + e);
      return 1;
    }
  }

  private static int unknownTemplate(String name, PrintStream err) {
    err.println(
        "unknown template '"
            + name
            + "'; known: "
            + Templates.ALL.stream().map(t -> t.template().name()).toList());
    return 2;
  }
}
