package dev.lookalike.app;

import dev.lookalike.collection.ChangeLog;
import dev.lookalike.config.DatasetConfig;
import dev.lookalike.config.EngineConfig;
import dev.lookalike.config.ImageConfig;
import dev.lookalike.config.IndexConfig;
import dev.lookalike.config.ModelConfig;
import dev.lookalike.config.OpenSearchConfig;
import dev.lookalike.config.OriginalsConfig;
import dev.lookalike.config.SearchConfig;
import dev.lookalike.config.SnapshotConfig;
import dev.lookalike.config.VaeConfig;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.index.ImageIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * CDI producers for the server. Each part is opened on first use (not at start-up), so CLI commands
 * that never search never load a model or lock an index.
 */
@ApplicationScoped
public class Producers {

  @Produces
  @Singleton
  Components components(
      IndexConfig index,
      ModelConfig model,
      VaeConfig vae,
      ImageConfig image,
      DatasetConfig dataset,
      SearchConfig search,
      EngineConfig engine,
      OpenSearchConfig opensearch,
      OriginalsConfig originals) {
    return new Components(
        new Components.Config(
            index, model, vae, image, dataset, search, engine, opensearch, originals));
  }

  /** The configured model and index, or those a reindex made live ({@link LivePointer}). */
  @Produces
  @Singleton
  LiveDeployment live(Components components, SnapshotConfig snapshots) {
    ChangeLog changes = new ChangeLog();
    CodeModel model = components.openModel(null);
    try {
      ImageIndex index = components.openIndex(null, model);
      return new LiveDeployment(
          new Deployment(
              model,
              index,
              components.servingPipeline(model),
              components.copyCheck(),
              changes,
              components.originals(),
              snapshots.dir()),
          changes);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  void closeLive(@Disposes LiveDeployment live) {
    live.close();
  }

  @Produces
  @Singleton
  ReindexJob reindexJob(Components components, LiveDeployment live, SnapshotConfig snapshots) {
    return new ReindexJob(components, live, snapshots.dir());
  }

  void closeReindexJob(@Disposes ReindexJob job) {
    job.close();
  }
}
