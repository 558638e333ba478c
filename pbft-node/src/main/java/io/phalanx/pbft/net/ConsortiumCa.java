package io.phalanx.pbft.net;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A consortium's certificate authority for mutual TLS between replicas (BouncyCastle): a
 * self-signed ECDSA P-256 root that issues one certificate per replica, with common name
 * {@code replica-<i>} and both server and client use, so the same certificate serves the links
 * a replica accepts and the ones it dials. {@code phalanx init} is meant to make one, issue the
 * replicas' certificates and keep the CA key offline.
 */
public final class ConsortiumCa {
  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  private final KeyPair keyPair;
  private final X509Certificate certificate;
  private final X500Name name;
  private final SecureRandom random;
  private final Duration validity;

  private ConsortiumCa(KeyPair keyPair, X509Certificate certificate, X500Name name,
      SecureRandom random, Duration validity) {
    this.keyPair = keyPair;
    this.certificate = certificate;
    this.name = name;
    this.random = random;
    this.validity = validity;
  }

  /** A fresh CA for {@code consortiumId}, and the certificates it issues, valid for {@code validity}. */
  public static ConsortiumCa generate(String consortiumId, Duration validity, SecureRandom random) {
    Objects.requireNonNull(consortiumId, "consortiumId");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(random, "random");
    KeyPair keyPair = newKeyPair(random);
    X500Name name = commonName(consortiumId + " consortium CA");
    try {
      X509v3CertificateBuilder builder = skeleton(name, name, keyPair, random, validity)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate certificate = sign(builder, keyPair);
      return new ConsortiumCa(keyPair, certificate, name, random, validity);
    } catch (CertIOException broken) {
      throw new IllegalStateException("cannot build the CA certificate", broken);
    }
  }

  /** A new key and certificate for {@code replica}, signed by this CA. */
  public TlsIdentity issueReplicaIdentity(int replica) {
    KeyPair replicaKeys = newKeyPair(random);
    return TlsIdentity.of(replicaKeys.getPrivate(), issue(replica, replicaKeys), certificate);
  }

  private X509Certificate issue(int replica, KeyPair replicaKeys) {
    try {
      X509v3CertificateBuilder builder = skeleton(name,
          commonName(TlsIdentity.replicaCommonName(replica)), replicaKeys, random, validity)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      return sign(builder, keyPair);
    } catch (CertIOException broken) {
      throw new IllegalStateException("cannot build a replica certificate", broken);
    }
  }

  /**
   * Issues replica {@code replica}'s identity as {@link #issueReplicaIdentity} does, and writes
   * its key (PKCS#8 PEM, owner-only) and certificate (PEM) to the two files, for
   * {@link TlsIdentity#fromPemFiles}.
   */
  public TlsIdentity issueReplicaFiles(int replica, Path keyFile, Path certificateFile)
      throws IOException {
    KeyPair replicaKeys = newKeyPair(random);
    X509Certificate issued = issue(replica, replicaKeys);
    PemFiles.writePrivateKey(keyFile, replicaKeys.getPrivate());
    PemFiles.writeCertificate(certificateFile, issued);
    return TlsIdentity.of(replicaKeys.getPrivate(), issued, certificate);
  }

  /** Writes the CA's certificate (PEM): every replica needs it to trust the others. */
  public void writeCertificate(Path file) throws IOException {
    PemFiles.writeCertificate(file, certificate);
  }

  public X509Certificate certificate() {
    return certificate;
  }

  private static X509v3CertificateBuilder skeleton(X500Name issuer, X500Name subject,
      KeyPair subjectKeys, SecureRandom random, Duration validity) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, new BigInteger(128, random).abs(),
        Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject,
        subjectKeys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys) {
    try {
      return new JcaX509CertificateConverter().getCertificate(builder.build(
          new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKeys.getPrivate())));
    } catch (OperatorCreationException | GeneralSecurityException broken) {
      throw new IllegalStateException("cannot sign a certificate", broken);
    }
  }

  private static X500Name commonName(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static KeyPair newKeyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException missing) {
      throw new IllegalStateException("this JDK cannot make P-256 keys", missing);
    }
  }

  @Override
  public String toString() {
    return "ConsortiumCa[" + certificate.getSubjectX500Principal() + ", private key redacted]";
  }
}
