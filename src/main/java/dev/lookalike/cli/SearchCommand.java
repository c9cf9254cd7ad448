package dev.lookalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookalike.api.SearchJson;
import dev.lookalike.app.Components;
import dev.lookalike.encoder.CodeModel;
import dev.lookalike.index.Hit;
import dev.lookalike.index.ImageIndex;
import dev.lookalike.index.SearchMode;
import dev.lookalike.index.SearchParams;
import dev.lookalike.search.SearchResponse;
import dev.lookalike.search.SearchService;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Searches the index with an image file. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Find the indexed images most like IMAGE.")
@Dependent
@Unremovable
public class SearchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Inject Components components;

  @Inject ObjectMapper json;

  @Parameters(index = "0", paramLabel = "IMAGE")
  Path image;

  @Mixin StoreOptions store;

  @Option(names = "-k", description = "Number of hits (default: lookalike.search.default-k).")
  Integer k;

  @Option(names = "--offset", defaultValue = "0", description = "Hits to skip (paging).")
  int offset;

  @Option(
      names = "--mode",
      converter = SearchModeConverter.class,
      description =
          "diffusion, dense, hash, hybrid or exact (default: lookalike.search.default-mode).")
  SearchMode mode;

  @Option(names = "--label", description = "Only images with this label.")
  String label;

  @Option(names = "--json", description = "Print the same JSON document as POST /api/search.")
  boolean asJson;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    SearchParams params = components.searchParams(k, offset, mode, label);
    SearchResponse response;
    try (CodeModel codeModel = components.openModel(store.model, store.index);
        ImageIndex target = components.openIndexReadOnly(store.index, codeModel)) {
      SearchService search =
          new SearchService(
              components.pipeline(codeModel), codeModel, target, components.copyCheck());
      response = ImageArguments.decode(image, bytes -> search.search(bytes, params));
    }
    if (asJson) {
      out.println(json.writeValueAsString(SearchJson.of(response)));
    } else {
      out.printf(
          "%d hits (%s, %.2f ms)%n", response.hits().size(), response.mode(), response.tookMs());
      int rank = offset;
      for (Hit hit : response.hits()) {
        out.printf(
            "%3d  %-16s  score %.4f  hamming %3d  distance %.4f  %-12s %s%n",
            ++rank,
            hit.id(),
            hit.score(),
            hit.hamming(),
            hit.distance(),
            hit.label() == null ? "" : hit.label(),
            hit.uri());
      }
    }
    return 0;
  }
}
