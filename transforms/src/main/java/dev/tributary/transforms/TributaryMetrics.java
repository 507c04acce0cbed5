package dev.tributary.transforms;

/**
 * Where Tributary's Beam counters live, so that a pipeline's summary, its tests and a metrics
 * backend all find them. In namespace {@value #NAMESPACE}:
 *
 * <ul>
 *   <li>{@code <records>.read}, {@code <records>.parsed}, {@code <records>.deadLetters}, from {@link Parse};
 *   <li>{@code <reference>.matched}, {@code <reference>.unmatched}, from {@link Enrich};
 *   <li>{@code alerts.<rule>}, from {@code FraudDetect};
 *   <li>{@code velocity.lateTransactions}, from {@code VelocityRule}: transactions that arrived after their time was judged.
 * </ul>
 */
public final class TributaryMetrics {
  public static final String NAMESPACE = "tributary";

  private TributaryMetrics() {}
}
