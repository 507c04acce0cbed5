package dev.tributary.options.banking;

import dev.tributary.options.templates.ParameterType;
import dev.tributary.options.templates.TemplateParameter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The thresholds of the banking fraud rules. */
public interface FraudRuleOptions extends PipelineOptions {
  @TemplateParameter(
      order = 30,
      label = "Large amount threshold",
      helpText = "large_amount alerts on amounts strictly greater than this.",
      example = "5000.00",
      type = ParameterType.DECIMAL,
      regexes = {"[0-9]+(\\.[0-9]{1,2})?"})
  @Description("large_amount: alert on a transaction whose amount is strictly greater than this.")
  @Default.String("5000.00")
  String getLargeAmountThreshold();

  void setLargeAmountThreshold(String value);

  @TemplateParameter(
      order = 31,
      label = "Velocity count",
      helpText = "velocity alerts on the Nth transaction of an account within the velocity window.",
      example = "5",
      type = ParameterType.INTEGER,
      regexes = {"[1-9][0-9]*"})
  @Description(
      "velocity: alert on a transaction that is at least this many of its account's transactions within --velocityWindow.")
  @Default.Integer(5)
  int getVelocityCount();

  void setVelocityCount(int value);

  @TemplateParameter(
      order = 32,
      label = "Velocity window",
      helpText = "The window ending at each transaction that velocity counts in.",
      example = "PT5M",
      type = ParameterType.DURATION)
  @Description(
      "velocity: the window ending at each transaction, as an ISO-8601 duration (PT5M = 5 minutes).")
  @Default.String("PT5M")
  String getVelocityWindow();

  void setVelocityWindow(String value);

  @TemplateParameter(
      order = 33,
      label = "Foreign amount threshold",
      helpText = "foreign_country alerts on amounts abroad strictly greater than this.",
      example = "1000.00",
      type = ParameterType.DECIMAL,
      regexes = {"[0-9]+(\\.[0-9]{1,2})?"})
  @Description(
      "foreign_country: alert on a transaction outside the account's home country whose amount is strictly greater than this.")
  @Default.String("1000.00")
  String getForeignAmountThreshold();

  void setForeignAmountThreshold(String value);
}
