package io.phalanx.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A typed, read-once view of one mapping in a YAML file. Every accessor names the file and the
 * dotted field path in its {@link ConfigException}, and {@link #rejectUnknownFields()} catches
 * typos: a field nobody read is an error, not a silently ignored setting.
 */
public final class YamlSection {
  private static final int FILE_BYTES_MAX = 1 << 20;

  private final Path file;
  private final String prefix;
  private final Map<?, ?> values;
  private final Set<String> read = new TreeSet<>();

  private YamlSection(Path file, String prefix, Map<?, ?> values) {
    this.file = file;
    this.prefix = prefix;
    this.values = values;
  }

  /** Parses {@code file} with SnakeYAML's safe constructor (no arbitrary types), bounded in size. */
  public static YamlSection load(Path file) {
    Object root;
    try {
      if (Files.size(file) > FILE_BYTES_MAX) {
        throw new ConfigException(file, "", "larger than " + FILE_BYTES_MAX + " bytes");
      }
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        root = parse(file, reader);
      }
    } catch (NoSuchFileException e) {
      throw new ConfigException(file, "", "no such file");
    } catch (IOException e) {
      throw new ConfigException(file, "", "cannot be read: " + e.getMessage());
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException(file, "", "expected a YAML mapping at the top level");
    }
    return new YamlSection(file, "", map);
  }

  private static Object parse(Path file, Reader reader) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    try {
      return new Yaml(new SafeConstructor(options)).load(reader);
    } catch (YAMLException e) {
      throw new ConfigException(file, "", "is not valid YAML: " + firstLine(e.getMessage()));
    } catch (RuntimeException e) {
      // SnakeYAML's constructors let some bad scalars out as other exceptions, e.g. `!!int 0x`
      // as a NumberFormatException: the file is just as invalid.
      throw new ConfigException(file, "", "is not valid YAML: " + e.getClass().getSimpleName()
          + ": " + firstLine(e.getMessage()));
    }
  }

  public Path file() {
    return file;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public YamlSection section(String key) {
    Object value = required(key);
    if (!(value instanceof Map<?, ?> map)) {
      throw error(key, "expected a mapping");
    }
    return new YamlSection(file, path(key) + ".", map);
  }

  /** The sub-section, or an empty one when the key is absent (every field then has its default). */
  public YamlSection optionalSection(String key) {
    return has(key) ? section(key) : new YamlSection(file, path(key) + ".", Map.of());
  }

  public String string(String key) {
    Object value = required(key);
    if (!(value instanceof String text) || text.isBlank()) {
      throw error(key, "expected a non-empty string");
    }
    return text;
  }

  public String string(String key, String defaultValue) {
    return has(key) ? string(key) : markRead(key, defaultValue);
  }

  public long longValue(String key, long min, long max) {
    Object value = required(key);
    if (!(value instanceof Integer || value instanceof Long)) {
      throw error(key, "expected a whole number, got " + describe(value));
    }
    long number = ((Number) value).longValue();
    if (number < min || number > max) {
      throw error(key, "must be between " + min + " and " + max + ", got " + number);
    }
    return number;
  }

  public long longValue(String key, long min, long max, long defaultValue) {
    return has(key) ? longValue(key, min, max) : markRead(key, defaultValue);
  }

  public int intValue(String key, int min, int max) {
    return (int) longValue(key, min, max);
  }

  public int intValue(String key, int min, int max, int defaultValue) {
    return (int) longValue(key, min, max, defaultValue);
  }

  public boolean booleanValue(String key, boolean defaultValue) {
    if (!has(key)) {
      return markRead(key, defaultValue);
    }
    Object value = required(key);
    if (!(value instanceof Boolean flag)) {
      throw error(key, "expected true or false, got " + describe(value));
    }
    return flag;
  }

  public HostPort hostPort(String key) {
    try {
      return HostPort.parse(string(key));
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  /** A path, resolved against the directory of the configuration file. */
  public Path path(String key, boolean mustExist) {
    Path resolved = resolve(key, string(key));
    if (mustExist && !Files.exists(resolved)) {
      throw error(key, "no such file: " + resolved);
    }
    return resolved;
  }

  public List<?> list(String key) {
    Object value = required(key);
    if (!(value instanceof List<?> list)) {
      throw error(key, "expected a list");
    }
    return list;
  }

  /** Fails on the first field of this section that no accessor read: a typo or a stale setting. */
  public void rejectUnknownFields() {
    for (Object key : values.keySet()) {
      if (!read.contains(String.valueOf(key))) {
        throw new ConfigException(file, prefix + key, "unknown field");
      }
    }
  }

  public ConfigException error(String key, String problem) {
    return new ConfigException(file, path(key), problem);
  }

  private Path resolve(String key, String value) {
    Path path;
    try {
      path = Path.of(value);
    } catch (InvalidPathException e) {
      throw error(key, "not a valid path: " + e.getReason());
    }
    Path directory = file.toAbsolutePath().getParent();
    return path.isAbsolute() || directory == null ? path : directory.resolve(path).normalize();
  }

  private Object required(String key) {
    read.add(key);
    Object value = values.get(key);
    if (value == null) {
      throw error(key, "is required");
    }
    return value;
  }

  private <T> T markRead(String key, T defaultValue) {
    read.add(key);
    return defaultValue;
  }

  private String path(String key) {
    return prefix + key;
  }

  /**
   * A value for an error message. Never the {@code toString()} of a list or mapping: an alias can
   * make one contain itself, and printing it then overflows the stack.
   */
  private static String describe(Object value) {
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    String text = String.valueOf(value);
    return "'" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
