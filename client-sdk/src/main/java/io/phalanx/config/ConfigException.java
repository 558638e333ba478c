package io.phalanx.config;

import java.nio.file.Path;

/** A configuration file that cannot be used; the message names the file and the field. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String field;

  public ConfigException(Path file, String field, String problem) {
    super(file + ": " + (field.isEmpty() ? "" : "field '" + field + "': ") + problem);
    this.file = file;
    this.field = field;
  }

  public Path file() {
    return file;
  }

  /** The dotted path of the offending field, or empty for a problem with the whole file. */
  public String field() {
    return field;
  }
}
