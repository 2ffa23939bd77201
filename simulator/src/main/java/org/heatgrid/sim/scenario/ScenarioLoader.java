package org.heatgrid.sim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads scenario files: JSON ({@code .json}) or YAML ({@code .yaml}, {@code .yml}), or a
 * scenario shipped with heatgrid by name ({@code campus16}). Every refusal is a {@link
 * ScenarioException} naming the file, line, key and reason.
 */
public final class ScenarioLoader {

  /** The scenario used when none is given. */
  public static final String DEFAULT = "campus16";

  private ScenarioLoader() {}

  /** A shipped scenario by name, or a file path; names win when no such file exists. */
  public static Scenario load(String nameOrPath) {
    Path p = Path.of(nameOrPath);
    if (!Files.exists(p) && bundled(nameOrPath) != null) {
      return loadBundled(nameOrPath);
    }
    return load(p);
  }

  public static Scenario load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ScenarioException("scenario file not found: " + file, "", e);
    } catch (IOException e) {
      throw new ScenarioException("cannot read scenario file " + file + ": " + e.getMessage(), "", e);
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(file.toString(), text, isYaml(file.toString()), dir);
  }

  /** A scenario shipped in the jar under {@code /scenarios/NAME.json}. */
  public static Scenario loadBundled(String name) {
    String resource = bundled(name);
    if (resource == null) {
      throw new ScenarioException("no bundled scenario named " + name, "", null);
    }
    try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return parse(name + ".json (bundled)", text, false, Path.of("."));
    } catch (IOException e) {
      throw new ScenarioException("cannot read bundled scenario " + name, "", e);
    }
  }

  private static String bundled(String name) {
    String r = "/scenarios/" + name + ".json";
    return name.matches("[A-Za-z0-9_-]+") && ScenarioLoader.class.getResource(r) != null ? r : null;
  }

  /**
   * Parses scenario text.
   *
   * @param source file name for messages
   * @param baseDir directory that relative file names (weather, holidays) resolve against
   */
  public static Scenario parse(String source, String text, boolean yaml, Path baseDir) {
    JsonFactory factory = yaml ? new YAMLFactory() : new JsonFactory();
    ObjectMapper mapper = new ObjectMapper(factory)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    KeyLocations where;
    ScenarioFile file;
    try {
      where = KeyLocations.scan(factory, text);
      file = mapper.readValue(text, ScenarioFile.class);
    } catch (JsonMappingException e) {
      throw mappingError(source, e);
    } catch (JsonProcessingException e) {
      throw new ScenarioException(at(source, e.getLocation()) + "not valid " + (yaml ? "YAML" : "JSON")
          + ": " + e.getOriginalMessage(), "", e);
    } catch (IOException e) {
      throw new ScenarioException(source + ": " + e.getMessage(), "", e);
    }
    if (file == null) {
      throw new ScenarioException(source + ": the file is empty", "", null);
    }
    try {
      return new ScenarioChecks(baseDir).check(file, source);
    } catch (KeyException e) {
      int line = where.lineOf(e.key);
      String loc = line > 0 ? source + " line " + line : source;
      throw new ScenarioException(loc + ", " + e.key + ": " + e.getMessage(), e.key, e);
    }
  }

  private static ScenarioException mappingError(String source, JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    String key = path.toString();
    String reason;
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known = u.getKnownPropertyIds().stream().map(Object::toString).toList();
      reason = "unknown key; known keys here: " + String.join(", ", new TreeSet<>(known));
    } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      reason = "expected " + describe(m.getTargetType()) + " (" + firstLine(e.getOriginalMessage()) + ")";
    } else {
      reason = firstLine(e.getOriginalMessage());
    }
    return new ScenarioException(at(source, e.getLocation()) + key + ": " + reason, key, e);
  }

  private static String describe(Class<?> type) {
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object";
  }

  private static String at(String source, JsonLocation loc) {
    return loc != null && loc.getLineNr() > 0 ? source + " line " + loc.getLineNr() + ", " : source + ", ";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static boolean isYaml(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }
}
