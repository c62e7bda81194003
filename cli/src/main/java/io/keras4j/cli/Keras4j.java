package io.keras4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keras4j} command. */
@Command(
    name = "keras4j",
    description = "Runs, checks and converts Keras models on the JVM.",
    mixinStandardHelpOptions = true,
    versionProvider = Keras4j.Version.class,
    subcommands = {
      VerifyCommand.class,
      InspectCommand.class,
      ConvertCommand.class,
      ReplayFitCommand.class,
      DemoCommand.class,
      BenchCommand.class
    })
public final class Keras4j {

  private Keras4j() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    // picocli exits with 2 on a usage error, as verify does when a model cannot be loaded.
    return new CommandLine(new Keras4j()).execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Keras4j.class.getPackage().getImplementationVersion();
      return new String[] {"keras4j " + (v == null ? "development" : v)};
    }
  }
}
