package dev.tributary.options.gambling;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The gambling risk rules' main thresholds (docs/gambling.md defines the rules). */
public interface GamblingRiskOptions extends PipelineOptions {
  @TemplateParameter(
      order = 20,
      label = "Unusual bet factor",
      helpText =
          "unusual_bet: a stake over this many times the mean of the player's last 50 stakes.",
      example = "10",
      type = ParameterType.DECIMAL)
  @Description(
      "unusual_bet: a stake over this many times the mean of the player's previous 50 stakes"
          + " (given at least 10) raises an alert.")
  @Default.String("10")
  String getUnusualBetFactor();

  void setUnusualBetFactor(String value);

  @TemplateParameter(
      order = 21,
      label = "Players per device or address",
      helpText = "multi_account: this many distinct players on one device or IP within 24 h.",
      example = "3",
      type = ParameterType.INTEGER)
  @Description(
      "multi_account: sessions of this many distinct players on one device id or from one IP"
          + " address within 24 hours raise an alert.")
  @Default.Integer(3)
  int getMultiAccountPlayers();

  void setMultiAccountPlayers(int value);

  @TemplateParameter(
      order = 22,
      label = "Rapid cash-out share",
      helpText =
          "rapid_cashout: a withdrawal of at least this share of a deposit within 1 h, with under 10% of it wagered.",
      example = "0.80",
      type = ParameterType.DECIMAL)
  @Description(
      "rapid_cashout: a withdrawal of at least this share of a deposit made at most 1 hour before,"
          + " with the stakes between them under 10% of the deposit, raises an alert.")
  @Default.String("0.80")
  String getRapidCashoutShare();

  void setRapidCashoutShare(String value);

  @TemplateParameter(
      order = 23,
      label = "Bets per minute",
      helpText = "session_anomaly: at least this many bets of one session within 60 s.",
      example = "31",
      type = ParameterType.INTEGER)
  @Description("session_anomaly: at least this many bets of one session within 60 seconds.")
  @Default.Integer(31)
  int getSessionAnomalyBets();

  void setSessionAnomalyBets(int value);
}
