package io.phalanx.pbft.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replica links over mutual TLS with certificates from a consortium CA: the link needs both a
 * certificate from the CA and a signed hello from the replica that certificate names.
 */
class MutualTlsTest {
  static {
    LeakRecorder.install();
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration VALIDITY = Duration.ofDays(1);

  private final ConsortiumCa ca = ConsortiumCa.generate(TestReplicas.CONSORTIUM, VALIDITY, RANDOM);

  @AfterAll
  static void noBufferLeaked() {
    assertEquals(List.of(), LeakRecorder.collectLeaks());
  }

  @Test
  void twoReplicasWithCertificatesFromTheConsortiumCaExchangeOverTls() throws Exception {
    try (TestReplicas replicas = new TestReplicas(2)) {
      for (int replica = 0; replica < 2; replica++) {
        TlsIdentity identity = ca.issueReplicaIdentity(replica);
        replicas.start(replica, config -> config.tls(identity));
      }
      connect(replicas, 0, 1);
      replicas.assertExchange(0, 1);
      replicas.assertExchange(1, 0);
      assertEquals(0, replicas.transport(0).status().count(TransportCounter.TLS_HANDSHAKE_FAILED));
    }
  }

  @Test
  void identitiesWrittenAsPemFilesAreReadBackAndWork(@TempDir Path directory) throws Exception {
    Path caFile = directory.resolve("consortium-ca.crt.pem");
    ca.writeCertificate(caFile);
    try (TestReplicas replicas = new TestReplicas(2)) {
      for (int replica = 0; replica < 2; replica++) {
        Path key = directory.resolve("replica-" + replica + ".tls.key.pem");
        Path certificate = directory.resolve("replica-" + replica + ".tls.crt.pem");
        ca.issueReplicaFiles(replica, key, certificate);
        assertEquals("rw-------",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        TlsIdentity identity = TlsIdentity.fromPemFiles(key, certificate, caFile);
        replicas.start(replica, config -> config.tls(identity));
      }
      connect(replicas, 0, 1);
      replicas.assertExchange(0, 1);
      replicas.assertExchange(1, 0);
    }
    assertThrows(IOException.class,
        () -> TlsIdentity.fromPemFiles(caFile, caFile, caFile), "a certificate is not a key");
  }

  @Test
  void aCertificateFromAnotherCaIsRefusedWhileTheHonestPeerIsServed() throws Exception {
    ConsortiumCa rogue = ConsortiumCa.generate(TestReplicas.CONSORTIUM, VALIDITY, RANDOM);
    try (TestReplicas replicas = new TestReplicas(3)) {
      replicas.start(0, config -> config.tls(ca.issueReplicaIdentity(0)));
      replicas.start(1, config -> config.tls(ca.issueReplicaIdentity(1)));
      replicas.start(2, config -> config.tls(rogue.issueReplicaIdentity(2)));
      connect(replicas, 0, 1);
      connect(replicas, 0, 2);
      ReplicaTransport target = replicas.transport(0);
      Await.until(() -> target.status().count(TransportCounter.TLS_HANDSHAKE_FAILED) >= 2,
          () -> "both links with the rogue certificate failed: " + target.status());
      replicas.assertExchange(0, 1);
      replicas.assertExchange(1, 0);
      assertEquals(List.of(1), target.status().connectedPeers());
      assertEquals(0, target.status().count(TransportCounter.HELLO_BAD_SIGNATURE));
    }
  }

  @Test
  void aCertificateForAnotherReplicaDoesNotAuthenticateTheHelloSigner() throws Exception {
    try (TestReplicas replicas = new TestReplicas(3)) {
      replicas.start(0, config -> config.tls(ca.issueReplicaIdentity(0)));
      replicas.start(1, config -> config.tls(ca.issueReplicaIdentity(1)));
      // Replica 2 signs its hellos with its own key but presents a certificate for replica 1.
      replicas.start(2, config -> config.tls(ca.issueReplicaIdentity(1)));
      connect(replicas, 0, 1);
      connect(replicas, 0, 2);
      ReplicaTransport target = replicas.transport(0);
      Await.until(() -> target.status().count(TransportCounter.HELLO_TLS_MISMATCH) >= 2,
          () -> "both links to the mismatched replica were refused: " + target.status());
      replicas.assertExchange(0, 1);
      replicas.assertExchange(1, 0);
      assertTrue(target.status().connectedPeers().equals(List.of(1)), target.status().toString());
    }
  }

  private static void connect(TestReplicas replicas, int a, int b) {
    replicas.transport(a).connectTo(b, replicas.replicaAddress(b));
    replicas.transport(b).connectTo(a, replicas.replicaAddress(a));
  }
}
