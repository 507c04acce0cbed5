package dev.tributary.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The thresholds of the banking fraud rules. */
public interface FraudRuleOptions extends PipelineOptions {
  @Description("large_amount: alert on a transaction whose amount is strictly greater than this.")
  @Default.String("5000.00")
  String getLargeAmountThreshold();

  void setLargeAmountThreshold(String value);

  @Description("velocity: alert on a transaction that is at least this many of its account's transactions within --velocityWindow.")
  @Default.Integer(5)
  int getVelocityCount();

  void setVelocityCount(int value);

  @Description("velocity: the window ending at each transaction, as an ISO-8601 duration (PT5M = 5 minutes).")
  @Default.String("PT5M")
  String getVelocityWindow();

  void setVelocityWindow(String value);

  @Description("foreign_country: alert on a transaction outside the account's home country whose amount is strictly greater than this.")
  @Default.String("1000.00")
  String getForeignAmountThreshold();

  void setForeignAmountThreshold(String value);
}
