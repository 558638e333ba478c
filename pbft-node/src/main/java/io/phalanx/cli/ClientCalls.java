package io.phalanx.cli;

import io.phalanx.client.OutcomeUnknownException;
import io.phalanx.client.PhalanxClient;
import io.phalanx.client.PhalanxClientException;
import io.phalanx.client.RejectedException;
import io.phalanx.config.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one command-line call against the consortium and maps its failures to exit codes:
 * 0 done, 1 refused by the ledger (the code's name is printed), 2 bad configuration,
 * 3 outcome unknown (no quorum in time), 4 any other client failure.
 */
final class ClientCalls {
  static final int REJECTED = 1;
  static final int CONFIG = 2;
  static final int OUTCOME_UNKNOWN = 3;
  static final int FAILED = 4;

  /** What a command does with a connected client; returns the exit code. */
  @FunctionalInterface
  interface Call {
    int run(PhalanxClient client) throws Exception;
  }

  private ClientCalls() {}

  static int run(String command, Path config, PrintWriter err, Call call) {
    try (PhalanxClient client = PhalanxClient.builder().config(config).build()) {
      return call.run(client);
    } catch (ConfigException e) {
      err.println("phalanx " + command + ": " + e.getMessage());
      return CONFIG;
    } catch (ExecutionException e) {
      return failure(command, e.getCause(), err);
    } catch (PhalanxClientException | IllegalArgumentException e) {
      return failure(command, e, err);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("phalanx " + command + ": interrupted");
      return FAILED;
    } catch (Exception e) {
      err.println("phalanx " + command + ": " + e);
      return FAILED;
    }
  }

  /** Waits for a call with a bound well past the client's own deadline. */
  static <T> T await(CompletableFuture<T> future)
      throws ExecutionException, InterruptedException, TimeoutException {
    return future.get(10, TimeUnit.MINUTES);
  }

  private static int failure(String command, Throwable cause, PrintWriter err) {
    if (cause instanceof RejectedException rejected) {
      err.println("phalanx " + command + ": rejected: " + rejected.codeName());
      return REJECTED;
    }
    if (cause instanceof OutcomeUnknownException unknown) {
      err.println("phalanx " + command + ": outcome unknown (request timestamp "
          + unknown.timestamp() + "): " + unknown.getMessage());
      return OUTCOME_UNKNOWN;
    }
    err.println("phalanx " + command + ": " + cause.getMessage());
    return cause instanceof IllegalArgumentException ? CONFIG : FAILED;
  }
}
