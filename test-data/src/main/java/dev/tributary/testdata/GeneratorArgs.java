package dev.tributary.testdata;

import java.time.DateTimeException;

/**
 * The {@code --name value} arguments of a generator's command line, read the same way for every
 * generator: {@code --help} (or {@code -h}) prints the usage, an option without a value, an unknown
 * option and a value that does not read are refused with a message that names them.
 */
public final class GeneratorArgs {
  private GeneratorArgs() {}

  /** Sets one option; throws {@link #unknown} for an option it does not know. */
  public interface Option {
    void set(String name, String value);
  }

  /**
   * Gives each {@code --name value} pair of {@code args} to {@code option}, in order; prints {@code
   * usage} and returns false when it meets {@code --help} or {@code -h}.
   */
  public static boolean apply(String[] args, String usage, Option option) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(usage);
        return false;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + arg + " needs a value; see --help");
      }
      String value = args[++i];
      try {
        option.set(arg, value);
      } catch (NumberFormatException | DateTimeException e) {
        throw new IllegalArgumentException(
            "option " + arg + " has a bad value '" + value + "'; see --help", e);
      }
    }
    return true;
  }

  /** The refusal of an option no generator setting answers to. */
  public static IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException("unknown option " + name + "; see --help");
  }
}
