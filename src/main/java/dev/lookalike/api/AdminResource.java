package dev.lookalike.api;

import dev.lookalike.app.LiveDeployment;
import dev.lookalike.app.ReindexJob;
import dev.lookalike.index.IndexSnapshot;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Paths;

/** Admin actions on the serving index; each needs the API key ({@link RequiresAdminKey}). */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RequiresAdminKey
public class AdminResource {

  /** A snapshot as the API reports it. */
  public record SnapshotJson(String name, String directory, long images, int files, long bytes) {
    static SnapshotJson of(IndexSnapshot snapshot) {
      return new SnapshotJson(
          snapshot.directory().getFileName().toString(),
          snapshot.directory().toString(),
          snapshot.images(),
          snapshot.files(),
          snapshot.bytes());
    }
  }

  /** What to reindex into: a model directory on the server. */
  public record ReindexRequest(String model) {}

  @Inject LiveDeployment live;

  @Inject ReindexJob reindex;

  /** Commits and copies the index into the snapshot directory while it keeps serving. */
  @POST
  @Path("/snapshots")
  public Response snapshot() throws IOException {
    IndexSnapshot snapshot = live.read(d -> d.snapshots().take());
    return Response.status(Response.Status.CREATED).entity(SnapshotJson.of(snapshot)).build();
  }

  /**
   * Builds the index of another model beside the live one, from the images' sources, and switches
   * to it when done; searches keep being answered throughout. 202 with the job's status.
   */
  @POST
  @Path("/reindex")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response startReindex(ReindexRequest request) throws IOException {
    if (request == null || request.model() == null || request.model().isBlank()) {
      throw new InvalidRequestException("give the new model's directory: {\"model\": \"/path\"}");
    }
    try {
      ReindexJob.Status status = reindex.start(Paths.get(request.model()));
      return Response.accepted(status).build();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage(), e);
    }
  }

  /** The running or last reindex. */
  @GET
  @Path("/reindex")
  public ReindexJob.Status reindexStatus() {
    return reindex.status();
  }
}
