package dev.tributary.transforms.gambling;

import dev.tributary.transforms.ReferenceMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/** Each player's latest version (by its update time), as a map side input by player id. */
public class LatestPlayers
    extends PTransform<PCollection<Player>, PCollectionView<Map<String, Player>>> {
  @Override
  public PCollectionView<Map<String, Player>> expand(PCollection<Player> players) {
    return players
        .apply(
            "By player id",
            WithKeys.of((Player p) -> p.playerId).withKeyType(TypeDescriptors.strings()))
        .apply("Latest version", Combine.perKey(new LatestFn()))
        .apply("Players", ReferenceMap.of());
  }

  /** The later of two versions; of two at one time, the one with the larger tier name. */
  static Player later(Player a, Player b) {
    int byTime = a.updatedAt.compareTo(b.updatedAt);
    if (byTime != 0) {
      return byTime > 0 ? a : b;
    }
    return a.vipTier.compareTo(b.vipTier) >= 0 ? a : b;
  }

  private static final class LatestFn extends Combine.BinaryCombineFn<Player> {
    @Override
    public Player apply(Player a, Player b) {
      return later(a, b);
    }
  }
}
