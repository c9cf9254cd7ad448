package dev.lookalike.cli;

import dev.lookalike.index.SearchMode;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --mode} with the same names (any case) the REST API accepts. */
final class SearchModeConverter implements ITypeConverter<SearchMode> {

  @Override
  public SearchMode convert(String value) {
    return SearchMode.parse(value);
  }
}
