package dev.lookalike.api;

import dev.lookalike.app.LiveDeployment;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.index.IndexStats;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/** What the server holds: image count, model, code sizes, index size. */
@Path("/api/stats")
public class StatsResource {

  /** The stats document. */
  public record Stats(
      long count,
      String model,
      String modelSource,
      int latent,
      int bits,
      int inputSize,
      int inputChannels,
      long indexSizeBytes,
      int segments,
      String indexDirectory) {}

  @Inject LiveDeployment live;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Stats stats() throws IOException {
    return live.read(d -> stats(d.index().stats(), d.model()));
  }

  private static Stats stats(IndexStats stats, CodeModel model) {
    return new Stats(
        stats.count(),
        model.fingerprint(),
        model.source(),
        model.manifest().latent(),
        model.manifest().bits(),
        model.spec().size(),
        model.spec().channels(),
        stats.sizeBytes(),
        stats.segments(),
        stats.directory());
  }
}
