package dev.lookalike.collection;

import java.io.IOException;

/**
 * Indexes a run's inputs: into an index this process holds ({@link BulkIndexer}), or into a running
 * server ({@code client.RemoteIndexer}). Either way an input already indexed is skipped, so a run
 * that stopped can be started again, and every input that fails is written to the failure log.
 */
public interface Indexer {

  IndexingReport index(IndexInputs inputs, FailureLog failures) throws IOException;
}
