package org.heatgrid.cli;

import java.io.OutputStream;
import java.io.PrintStream;

/** A print stream that discards everything (for --quiet). */
final class NullStream {

  static final PrintStream INSTANCE = new PrintStream(OutputStream.nullOutputStream());

  private NullStream() {}
}
