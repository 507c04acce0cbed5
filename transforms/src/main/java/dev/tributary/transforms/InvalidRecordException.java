package dev.tributary.transforms;

/**
 * Thrown by a {@link RecordParser} when a payload is malformed; its message becomes the dead
 * letter's reason.
 */
public class InvalidRecordException extends Exception {
  public InvalidRecordException(String reason) {
    super(reason);
  }
}
