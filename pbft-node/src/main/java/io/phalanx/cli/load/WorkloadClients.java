package io.phalanx.cli.load;

import io.phalanx.client.PhalanxClient;
import io.phalanx.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link PhalanxClient} per identity the workload uses: the issuer and each worker. An
 * identity used twice (the issuer is also worker 0 when I = 1) shares one client, because two
 * clients signing as one identity would refuse each other's timestamps as stale.
 */
final class WorkloadClients implements AutoCloseable {
  private final Map<Path, PhalanxClient> byConfig = new LinkedHashMap<>();
  private final PhalanxClient issuer;
  private final List<PhalanxClient> workers = new ArrayList<>();

  private WorkloadClients(WorkloadSettings settings) throws WorkloadException {
    this.issuer = open(settings.issuerConfig());
    for (int w = 0; w < settings.clients(); w++) {
      workers.add(open(settings.workerConfig(w)));
    }
  }

  /** Opens every client; a missing or unusable configuration opens none. */
  static WorkloadClients open(WorkloadSettings settings) throws WorkloadException {
    try {
      settings.checkFilesExist();
    } catch (IllegalArgumentException e) {
      throw new WorkloadException(e.getMessage(), e);
    }
    return new WorkloadClients(settings);
  }

  private PhalanxClient open(Path config) throws WorkloadException {
    Path key = config.toAbsolutePath().normalize();
    PhalanxClient existing = byConfig.get(key);
    if (existing != null) {
      return existing;
    }
    try {
      PhalanxClient client = PhalanxClient.builder().config(config).build();
      byConfig.put(key, client);
      return client;
    } catch (ConfigException | IllegalArgumentException e) {
      close();
      throw new WorkloadException(e.getMessage(), e);
    }
  }

  PhalanxClient issuer() {
    return issuer;
  }

  PhalanxClient worker(int index) {
    return workers.get(index);
  }

  @Override
  public void close() {
    byConfig.values().forEach(PhalanxClient::close);
    byConfig.clear();
  }
}
