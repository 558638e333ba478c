package io.phalanx.cli.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a transfer workload does.
 *
 * @param firstConfig {@code DIR/client-I.yaml}: worker w runs as client I+w from the same
 *     directory; the issuer is {@code DIR/client-1.yaml}
 * @param duration how long the workers send transfers
 * @param clients K, the number of closed-loop workers (one identity each)
 * @param accountsPerClient A, accounts each worker owns and debits
 * @param seed drives the workers' choices of accounts and amounts
 * @param fundingPerAccount what the issuer credits each worker account before the run
 * @param amountMax the largest transfer amount a worker picks (uniform in 1..amountMax)
 */
public record WorkloadSettings(Path firstConfig, Duration duration, int clients,
    int accountsPerClient, long seed, long fundingPerAccount, long amountMax) {
  private static final Pattern CLIENT_FILE = Pattern.compile("client-(\\d+)\\.yaml");

  public WorkloadSettings {
    Objects.requireNonNull(firstConfig, "firstConfig");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the duration must be positive, got " + duration);
    }
    if (clients < 1 || clients > 1000) {
      throw new IllegalArgumentException("clients must be in 1..1000, got " + clients);
    }
    if (accountsPerClient < 1 || accountsPerClient > 1000) {
      throw new IllegalArgumentException("accounts per client must be in 1..1000, got "
          + accountsPerClient);
    }
    if (fundingPerAccount < 1 || amountMax < 1) {
      throw new IllegalArgumentException("funding and the largest amount must be positive");
    }
    firstIdentity(firstConfig);
  }

  /** K workers for {@code seconds}, A accounts each, funding 1 000 000, amounts up to 1 000. */
  public static WorkloadSettings of(Path firstConfig, int seconds, int clients,
      int accountsPerClient, long seed) {
    return new WorkloadSettings(firstConfig, Duration.ofSeconds(seconds), clients,
        accountsPerClient, seed, 1_000_000, 1_000);
  }

  /** I, from the name {@code client-I.yaml}. */
  static long firstIdentity(Path config) {
    Path name = config.getFileName();
    Matcher matcher = CLIENT_FILE.matcher(name == null ? "" : name.toString());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("expected a client-I.yaml from phalanx init, got " + config);
    }
    return Long.parseLong(matcher.group(1));
  }

  /** The configuration file of worker {@code w} (client I+w). */
  Path workerConfig(int worker) {
    return sibling(firstIdentity(firstConfig) + worker);
  }

  Path issuerConfig() {
    return sibling(1);
  }

  /** Every worker's file must exist before anything is sent. */
  void checkFilesExist() {
    for (int w = 0; w < clients; w++) {
      if (!Files.isRegularFile(workerConfig(w))) {
        throw new IllegalArgumentException("worker " + w + " needs " + workerConfig(w)
            + ", which does not exist (run phalanx init with more --clients)");
      }
    }
    if (!Files.isRegularFile(issuerConfig())) {
      throw new IllegalArgumentException("the issuer's " + issuerConfig() + " does not exist");
    }
  }

  private Path sibling(long client) {
    return firstConfig.resolveSibling("client-" + client + ".yaml");
  }
}
