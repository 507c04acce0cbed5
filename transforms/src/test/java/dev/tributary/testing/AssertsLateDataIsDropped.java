package dev.tributary.testing;

/**
 * Test category: the test asserts that data later than the allowed lateness is dropped at the
 * moment the watermark passes, which Beam does not promise on every runner (the Flink runner's
 * watermark can trail the elements of a TestStream). Excluded by the runner profiles that differ.
 */
public interface AssertsLateDataIsDropped {}
