package org.heatgrid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an edge device gets: the gateway's runtime class path (written by the build, see the pom's
 * {@code runtime-classpath} execution) holds the contract, Paho and the codec's libraries, and none
 * of the forecaster's or the optimiser's, and stays small.
 */
class GatewayClasspathTest {

  private static final long MAX_BYTES = 25L * 1024 * 1024;

  private static List<Path> runtimeJars() throws IOException {
    String text = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
    return Arrays.stream(text.split(File.pathSeparator)).map(Path::of).toList();
  }

  @Test
  void holdsNoForecasterOrSolverJar() throws IOException {
    List<String> names = runtimeJars().stream().map(p -> p.getFileName().toString()).toList();
    assertThat(names).anyMatch(n -> n.startsWith("heatgrid-contract"))
        .anyMatch(n -> n.startsWith("org.eclipse.paho.mqttv5.client"));
    assertThat(names).noneMatch(n -> n.matches("(?i).*(deeplearning4j|nd4j|openblas|ojalgo|javacpp"
        + "|heatgrid-controller-core|heatgrid-forecaster).*"));
  }

  @Test
  void weighsAtMost25MB() throws IOException {
    long bytes = 0;
    for (Path jar : runtimeJars()) {
      bytes += Files.size(jar);
    }
    System.out.printf("gateway runtime class path: %d jars, %.1f MB%n", runtimeJars().size(),
        bytes / 1048576.0);
    assertThat(bytes).isLessThanOrEqualTo(MAX_BYTES);
  }
}
