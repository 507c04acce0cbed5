package dev.tributary.pipelines.gambling;

import dev.tributary.options.EventTimeOptions;
import dev.tributary.options.OptionValues;
import dev.tributary.options.gambling.GamblingRiskOptions;
import dev.tributary.transforms.gambling.GamblingAnalysis;
import dev.tributary.transforms.gambling.RiskThresholds;

/** The gambling analysis and its risk thresholds as the options of either pipeline ask for them. */
public final class GamblingAnalysisFromOptions {
  private GamblingAnalysisFromOptions() {}

  public static <O extends GamblingRiskOptions & EventTimeOptions> GamblingAnalysis of(O options) {
    return GamblingAnalysis.of(
            OptionValues.duration("allowedLateness", options.getAllowedLateness()),
            OptionValues.duration("earlyFiringsEvery", options.getEarlyFiringsEvery()))
        .withThresholds(thresholds(options));
  }

  /** The thresholds asked for; a malformed or out-of-range value fails here, naming the option. */
  public static RiskThresholds thresholds(GamblingRiskOptions options) {
    RiskThresholds d = RiskThresholds.DEFAULTS;
    if (options.getMultiAccountPlayers() < 2) {
      throw new IllegalArgumentException(
          "--multiAccountPlayers must be at least 2, got " + options.getMultiAccountPlayers());
    }
    if (options.getSessionAnomalyBets() < 2) {
      throw new IllegalArgumentException(
          "--sessionAnomalyBets must be at least 2, got " + options.getSessionAnomalyBets());
    }
    return new RiskThresholds(
        OptionValues.decimal("unusualBetFactor", options.getUnusualBetFactor()),
        d.unusualHistory,
        d.unusualMinHistory,
        options.getMultiAccountPlayers(),
        d.sharedWithin,
        OptionValues.decimal("rapidCashoutShare", options.getRapidCashoutShare()),
        d.wageredShare,
        d.cashoutWithin,
        options.getSessionAnomalyBets(),
        d.anomalyWithin);
  }
}
