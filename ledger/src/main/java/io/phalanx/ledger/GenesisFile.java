package io.phalanx.ledger;

import io.phalanx.protocol.Genesis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A genesis stored as a binary protobuf {@code Genesis} file. */
public final class GenesisFile {
  private GenesisFile() {}

  /** Reads and checks a genesis file. */
  public static GenesisConfig read(Path path) {
    try {
      return GenesisConfig.fromProto(Genesis.parseFrom(Files.readAllBytes(path)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read genesis " + path, e);
    }
  }

  /** Writes {@code genesis} to {@code path} atomically (temporary file, then rename). */
  public static void write(Path path, Genesis genesis) {
    Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
    try {
      Files.write(temporary, genesis.toByteArray());
      Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write genesis " + path, e);
    }
  }
}
