package dev.tributary.detect;

import java.io.Serializable;
import javax.annotation.Nullable;

/** The logic of a rule that judges each record on its own, run by {@link RecordRule}. */
public interface RecordCheck<T> extends Serializable {

  /** The rule's name as it appears in alerts and metrics. */
  String ruleName();

  /** The alert this record triggers, or null if it triggers none. */
  @Nullable
  Alert check(T record);
}
