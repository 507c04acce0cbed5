package dev.tributary.runners.banking.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The bench's data set: a folder counts as a data set only once it is whole, and its size is its
 * transaction lines.
 */
public class BenchDataTest {
  @Rule public TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void aGeneratedDataSetIsCompleteAndCountsItsTransactionLines() throws Exception {
    Path dir = BenchData.folder(temp.getRoot().toPath(), 2_000, 7);
    assertFalse(BenchData.isComplete(dir));

    BenchData.generate(dir, 2_000, 7);

    assertTrue(BenchData.isComplete(dir));
    assertEquals(Files.readAllLines(BenchData.transactions(dir)).size(), BenchData.size(dir));
    assertEquals(temp.getRoot().toPath().resolve("data-2000-seed7"), dir);
  }

  @Test
  public void aFolderWithTheFilesButNoMarkerIsNotADataSet() throws Exception {
    Path dir = BenchData.folder(temp.getRoot().toPath(), 2_000, 7);
    Files.createDirectories(dir);
    Files.writeString(BenchData.transactions(dir), "{}\n");

    assertFalse(BenchData.isComplete(dir));
  }
}
