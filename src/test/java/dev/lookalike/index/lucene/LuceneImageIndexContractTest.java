package dev.lookalike.index.lucene;

import dev.lookalike.index.DirectoryDigest;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.ImageIndexContractTest;
import dev.lookalike.index.IndexSettings;
import dev.lookalike.index.ModelIdentity;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The index contract on the embedded Lucene index, each index in its own directory on disk. */
class LuceneImageIndexContractTest extends ImageIndexContractTest {

  @TempDir Path root;

  private Path current;
  private int opened;

  @Override
  protected ImageIndex openEmpty(ModelIdentity model) throws IOException {
    current = root.resolve("index" + opened++);
    return LuceneIndexes.open(current, IndexSettings.defaults(), model);
  }

  @Override
  protected ImageIndex reopen(ModelIdentity model) throws IOException {
    return LuceneIndexes.open(current, IndexSettings.defaults(), model);
  }

  @Override
  protected Object persistedState() throws IOException {
    return DirectoryDigest.of(current);
  }
}
