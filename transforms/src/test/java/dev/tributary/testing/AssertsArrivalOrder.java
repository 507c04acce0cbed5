package dev.tributary.testing;

/**
 * Test category: the test asserts that the elements of a TestStream reach a stateful step in the
 * order the stream gives them, and after the watermarks before them, which only the Direct runner
 * promises: the Flink runner spreads a TestStream's elements over parallel channels, which a keyed
 * step then reads in any order. Excluded by the runner profiles that differ.
 */
public interface AssertsArrivalOrder {}
