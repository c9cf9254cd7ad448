package dev.lookalike.app;

import dev.lookalike.collection.CollectionMap;
import dev.lookalike.collection.ImageCollection;
import dev.lookalike.collection.Snapshots;
import dev.lookalike.config.DatasetConfig;
import dev.lookalike.config.EngineConfig;
import dev.lookalike.config.ImageConfig;
import dev.lookalike.config.IndexConfig;
import dev.lookalike.config.ModelConfig;
import dev.lookalike.config.OpenSearchConfig;
import dev.lookalike.config.SearchConfig;
import dev.lookalike.config.SnapshotConfig;
import dev.lookalike.config.VaeConfig;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.image.ImagePipeline;
import dev.lookalike.index.CollectionAnalytics;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.search.SearchService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;

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
      OpenSearchConfig opensearch) {
    return new Components(
        new Components.Config(index, model, vae, image, dataset, search, engine, opensearch));
  }

  @Produces
  @Singleton
  CodeModel model(Components components) {
    return components.openModel(null);
  }

  void closeModel(@Disposes CodeModel model) {
    model.close();
  }

  @Produces
  @Singleton
  ImageIndex index(Components components, CodeModel model) {
    return components.openIndex(null, model);
  }

  void closeIndex(@Disposes ImageIndex index) throws IOException {
    index.close();
  }

  /** The collection views of the same index; closing the index closes them. */
  @Produces
  @Singleton
  CollectionAnalytics analytics(ImageIndex index) {
    return index.analytics();
  }

  @Produces
  @Singleton
  ImagePipeline pipeline(Components components, CodeModel model) {
    return components.servingPipeline(model);
  }

  @Produces
  @Singleton
  SearchService searchService(ImagePipeline pipeline, CodeModel model, ImageIndex index) {
    return new SearchService(pipeline, model, index);
  }

  @Produces
  @Singleton
  CollectionMap collectionMap(CollectionAnalytics analytics) {
    return new CollectionMap(analytics);
  }

  @Produces
  @Singleton
  Snapshots snapshots(ImageIndex index, SnapshotConfig config) {
    return new Snapshots(index, config.dir(), Clock.systemUTC());
  }

  @Produces
  @Singleton
  ImageCollection collection(ImagePipeline pipeline, CodeModel model, ImageIndex index) {
    return new ImageCollection(pipeline, model, index);
  }
}
