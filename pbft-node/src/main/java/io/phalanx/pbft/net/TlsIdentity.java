package io.phalanx.pbft.net;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * A replica's TLS key and certificate and the consortium CA it trusts, for mutual TLS (1.3 only)
 * on replica links. Both ends must present a certificate from the CA; on top of that, the link
 * handshake checks that the certificate names the same replica ({@code CN=replica-<i>}) as the
 * signed hello, which binds the key proof to this TLS session.
 */
public final class TlsIdentity {
  private static final String[] PROTOCOLS = {"TLSv1.3"};

  private final X509Certificate certificate;
  private final SslContext server;
  private final SslContext client;

  private TlsIdentity(X509Certificate certificate, SslContext server, SslContext client) {
    this.certificate = certificate;
    this.server = server;
    this.client = client;
  }

  /** @throws IllegalArgumentException if the key and certificates do not make a TLS context */
  public static TlsIdentity of(PrivateKey key, X509Certificate certificate,
      X509Certificate caCertificate) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(caCertificate, "caCertificate");
    try {
      SslContext server = SslContextBuilder.forServer(key, certificate)
          .trustManager(caCertificate).clientAuth(ClientAuth.REQUIRE)
          .sslProvider(SslProvider.JDK).protocols(PROTOCOLS).build();
      SslContext client = SslContextBuilder.forClient().keyManager(key, certificate)
          .trustManager(caCertificate).sslProvider(SslProvider.JDK).protocols(PROTOCOLS).build();
      return new TlsIdentity(certificate, server, client);
    } catch (SSLException unusable) {
      throw new IllegalArgumentException("unusable TLS key or certificates", unusable);
    }
  }

  /**
   * Reads an identity written by {@link ConsortiumCa#issueReplicaFiles} and the CA certificate
   * written by {@link ConsortiumCa#writeCertificate}.
   *
   * @throws IOException naming the file that is missing or unreadable
   */
  public static TlsIdentity fromPemFiles(Path keyFile, Path certificateFile,
      Path caCertificateFile) throws IOException {
    return of(PemFiles.readPrivateKey(keyFile), PemFiles.readCertificate(certificateFile),
        PemFiles.readCertificate(caCertificateFile));
  }

  public static String replicaCommonName(int replica) {
    return "replica-" + replica;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  SslHandler newHandler(ByteBufAllocator allocator, boolean dialling, long handshakeTimeoutMillis) {
    SslHandler handler = (dialling ? client : server).newHandler(allocator);
    handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
    return handler;
  }

  /** Whether the peer's verified certificate in {@code session} is the one of {@code replica}. */
  static boolean certifies(SSLSession session, int replica) {
    try {
      Certificate[] chain = session.getPeerCertificates();
      if (chain.length == 0 || !(chain[0] instanceof X509Certificate peer)) {
        return false;
      }
      RDN[] names = X500Name.getInstance(peer.getSubjectX500Principal().getEncoded())
          .getRDNs(BCStyle.CN);
      return names.length == 1 && replicaCommonName(replica).equals(
          IETFUtils.valueToString(names[0].getFirst().getValue()));
    } catch (SSLPeerUnverifiedException unverified) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "TlsIdentity[" + certificate.getSubjectX500Principal() + ", private key redacted]";
  }
}
