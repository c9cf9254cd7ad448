package dev.lookalike.api;

import dev.lookalike.collection.Snapshots;
import dev.lookalike.index.IndexSnapshot;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

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

  @Inject Snapshots snapshots;

  /** Commits and copies the index into the snapshot directory while it keeps serving. */
  @POST
  @Path("/snapshots")
  public Response snapshot() throws IOException {
    return Response.status(Response.Status.CREATED)
        .entity(SnapshotJson.of(snapshots.take()))
        .build();
  }
}
