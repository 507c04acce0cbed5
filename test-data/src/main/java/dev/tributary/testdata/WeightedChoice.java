package dev.tributary.testdata;

import java.util.List;
import java.util.Random;

/** Picks one of several values, each as likely as its weight, from a generator's seeded random. */
public final class WeightedChoice {
  private WeightedChoice() {}

  public static String pick(Random random, List<String> values, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values.get(i);
      }
    }
    return values.get(values.size() - 1);
  }
}
