package dev.lookalike.index.lucene;

import dev.lookalike.graph.NeighbourGraph;
import dev.lookalike.graph.Neighbours;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.ChecksumIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * The neighbour graph's file beside the segments: one per commit, named in the commit's user data,
 * so the graph a reader loads is always the one written with the codes it sees. Names never start
 * with an underscore, so Lucene's file deleter leaves them alone; old ones are removed after the
 * commit that replaced them.
 */
final class GraphFiles {

  private static final String CODEC = "LookalikeNeighbourGraph";
  private static final int VERSION = 1;
  private static final String PREFIX = "graph-";
  private static final String SUFFIX = ".lkg";

  private GraphFiles() {}

  /** The file name following {@code previous} (or the first one). */
  static String next(Optional<String> previous) {
    long generation =
        previous
            .map(name -> Long.parseLong(name.substring(PREFIX.length(), name.indexOf(SUFFIX))) + 1)
            .orElse(1L);
    return PREFIX + generation + SUFFIX;
  }

  /** Writes the graph and syncs it, so a commit naming it never points at a partial file. */
  static void write(Directory directory, String name, NeighbourGraph graph) throws IOException {
    // A crash between writing a graph file and the commit naming it leaves that file behind,
    // named by no commit; the next commit writes the same name again.
    if (Arrays.asList(directory.listAll()).contains(name)) {
      directory.deleteFile(name);
    }
    try (IndexOutput out = directory.createOutput(name, IOContext.DEFAULT)) {
      CodecUtil.writeHeader(out, CODEC, VERSION);
      int size = graph.size();
      out.writeVInt(graph.degree());
      out.writeVInt(size);
      for (int node = 0; node < size; node++) {
        Neighbours list = graph.neighbours(node);
        out.writeVInt(list.size());
        for (int i = 0; i < list.size(); i++) {
          out.writeVInt(list.nodes()[i]);
          out.writeInt(Float.floatToIntBits(list.similarities()[i]));
        }
      }
      CodecUtil.writeFooter(out);
    }
    directory.sync(List.of(name));
  }

  /**
   * Reads a graph written by {@link #write}; the checksum is verified, so a damaged file is an
   * exception, never a silently wrong graph.
   */
  static NeighbourGraph read(Directory directory, String name) throws IOException {
    try (ChecksumIndexInput in = directory.openChecksumInput(name)) {
      CodecUtil.checkHeader(in, CODEC, VERSION, VERSION);
      NeighbourGraph graph = new NeighbourGraph(in.readVInt());
      int size = in.readVInt();
      graph.addNodes(size);
      for (int node = 0; node < size; node++) {
        int count = in.readVInt();
        int[] nodes = new int[count];
        float[] sims = new float[count];
        for (int i = 0; i < count; i++) {
          nodes[i] = in.readVInt();
          sims[i] = Float.intBitsToFloat(in.readInt());
        }
        graph.setNeighbours(node, new Neighbours(nodes, sims));
      }
      CodecUtil.checkFooter(in);
      return graph;
    }
  }

  /** Removes graph files other than {@code keep}, left by earlier commits or a crash. */
  static void deleteAllBut(Directory directory, String keep) throws IOException {
    List<String> stale = new ArrayList<>();
    for (String file : directory.listAll()) {
      if (file.startsWith(PREFIX) && file.endsWith(SUFFIX) && !file.equals(keep)) {
        stale.add(file);
      }
    }
    for (String file : stale) {
      directory.deleteFile(file);
    }
  }
}
